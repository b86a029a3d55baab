package io.gangway.engine;

import io.gangway.engine.analyzer.DefaultAnalyzer;
import io.gangway.engine.rewriter.ViewExpander;
import io.gangway.spi.Extension;
import io.gangway.spi.ExtensionContext;
import io.gangway.spi.ServiceFactory;
import io.gangway.spi.analyzer.Analyzer;
import io.gangway.spi.rewriter.Rewriter;
import java.util.List;
import java.util.Map;

/**
 * The stages the engine itself implements, offered like any extension's so that configuration
 * chooses them by name ({@code analyzer = default}, {@code rewriter = default}) and an extension
 * can offer another under its own name.
 */
public final class EngineExtension implements Extension {
    public static final String NAME = "default";

    @Override
    public String name() {
        return "engine";
    }

    @Override
    public List<ServiceFactory<?>> factories() {
        return List.of(
                new Stage<>(Analyzer.class, DefaultAnalyzer::new),
                new Stage<>(Rewriter.class, ViewExpander::new));
    }

    /** A stateless stage made with its no-argument constructor. */
    private record Stage<T>(Class<T> type, java.util.function.Supplier<? extends T> constructor) implements ServiceFactory<T> {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public T create(ExtensionContext context, Map<String, String> config) {
            return constructor.get();
        }
    }
}
