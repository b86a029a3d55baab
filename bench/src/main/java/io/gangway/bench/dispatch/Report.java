package io.gangway.bench.dispatch;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The benchmark's result table, in Markdown so it can go into the README as printed. */
final class Report {
    /** A row: a scenario's latencies, and the PostgreSQL row it is compared with (if any). */
    record Row(String scenario, Latencies latencies, Optional<Latencies> peer) {
    }

    /** A throughput row: statements per second, and PostgreSQL's figure it is compared with (if any). */
    record RateRow(String scenario, double perSecond, Optional<Double> peer) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<RateRow> rates = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void add(String scenario, Latencies latencies, Optional<Latencies> peer) {
        rows.add(new Row(scenario, latencies, peer));
    }

    void addRate(String scenario, double perSecond, Optional<Double> peer) {
        rates.add(new RateRow(scenario, perSecond, peer));
    }

    void note(String note) {
        notes.add(note);
    }

    void print(PrintStream out, Machine machine) {
        out.println();
        out.println("| scenario | n | p50 µs | p95 µs | p99 µs | mean µs | p50 ÷ PostgreSQL | mean ÷ PostgreSQL |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Row row : rows) {
            Latencies l = row.latencies();
            out.printf(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %.0f | %s | %s |%n", row.scenario(), l.samples(),
                    l.p50(), l.p95(), l.p99(), l.mean(),
                    row.peer().map(p -> ratio(l.p50(), p.p50())).orElse("—"),
                    row.peer().map(p -> ratio(l.mean(), p.mean())).orElse("—"));
        }
        if (!rates.isEmpty()) {
            out.println();
            out.println("| throughput | statements/s | ÷ PostgreSQL |");
            out.println("|---|---:|---:|");
            for (RateRow rate : rates) {
                out.printf(Locale.ROOT, "| %s | %.0f | %s |%n", rate.scenario(), rate.perSecond(),
                        rate.peer().map(p -> String.format(Locale.ROOT, "%.2f×", rate.perSecond() / p)).orElse("—"));
            }
        }
        out.println();
        for (String note : notes) {
            out.println("- " + note);
        }
        out.println("- " + machine);
    }

    private static String ratio(double value, double peer) {
        return String.format(Locale.ROOT, "%.1f×", value / peer);
    }
}
