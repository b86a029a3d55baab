package io.gangway.parser.antlr;

import io.gangway.spi.Extension;
import io.gangway.spi.ServiceFactory;
import java.util.List;

/** The extension contributing the ANTLR parser, found by {@link java.util.ServiceLoader}. */
public final class AntlrExtension implements Extension {
    @Override
    public String name() {
        return "antlr";
    }

    @Override
    public List<ServiceFactory<?>> factories() {
        return List.of(new AntlrParserFactory());
    }
}
