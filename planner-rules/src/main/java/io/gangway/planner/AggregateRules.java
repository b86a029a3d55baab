package io.gangway.planner;

import io.gangway.api.Settings;
import io.gangway.api.settings.SettingContext;
import io.gangway.api.settings.SettingDefinition;
import io.gangway.spi.plan.AggregateCall;
import io.gangway.spi.plan.Locus;
import io.gangway.spi.query.Expr;
import java.util.List;

/** The rules that choose how an aggregation is split around motions (Greenplum's multi-stage aggregation). */
public final class AggregateRules {
    /** Greenplum's default: two-stage aggregation on ({@code gp_enable_multiphase_agg = on}). */
    public static final MultiStageAggregationRule MULTI_STAGE =
            new MultiStageAggregationRule(MultiStageAggregationRule.Config.DEFAULT);

    private AggregateRules() {
    }

    /** How an aggregate node is placed relative to the motions it needs. */
    enum Strategy {
        /** The input is on one process, replicated, or hashed on a subset of the group keys: aggregate where it is. */
        IN_PLACE,
        /** Partial aggregate on the segments, a motion on the group keys (or a gather), final aggregate. */
        TWO_STAGE,
        /** Redistribute the input on the group keys, then aggregate in one stage. */
        REDISTRIBUTE_THEN_SINGLE,
        /** Gather the input to the coordinator, then aggregate in one stage. */
        GATHER_THEN_SINGLE
    }

    /**
     * Chooses the strategy. DISTINCT aggregates are not split (their partial states would need the
     * distinct values themselves): their input moves to the group keys' segments, or to the coordinator.
     */
    public record MultiStageAggregationRule(Config config) {
        /** @param multiphase split aggregation into partial and final stages ({@code gp_enable_multiphase_agg}) */
        public record Config(boolean multiphase) {
            public static final Config DEFAULT = new Config(true);
            /** Read per statement, from the session's settings: a session may change it. */
            public static final SettingDefinition MULTIPHASE_AGG = SettingDefinition.bool("gp_enable_multiphase_agg",
                    DEFAULT.multiphase(), SettingContext.USER, "Query Tuning / Planner Method Configuration",
                    "Enables two-stage aggregation: partial on the segments, final after a motion.");

            public static Config fromSettings(Settings settings) {
                return new Config(settings.getBoolean(MULTIPHASE_AGG));
            }

            public Config withMultiphase(boolean value) {
                return new Config(value);
            }
        }

        Strategy choose(Locus input, List<Expr> groupKeys, List<AggregateCall> calls) {
            if (!input.isPartitioned()) {
                return Strategy.IN_PLACE;
            }
            if (input instanceof Locus.Hashed hashed && Loci.mapKeys(hashed, groupKeys).isPresent()) {
                return Strategy.IN_PLACE;
            }
            boolean anyDistinct = calls.stream().anyMatch(AggregateCall::distinct);
            if (config.multiphase() && !anyDistinct) {
                return Strategy.TWO_STAGE;
            }
            return groupKeys.isEmpty() ? Strategy.GATHER_THEN_SINGLE : Strategy.REDISTRIBUTE_THEN_SINGLE;
        }
    }
}
