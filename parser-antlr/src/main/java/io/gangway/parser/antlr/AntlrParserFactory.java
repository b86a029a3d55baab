package io.gangway.parser.antlr;

import io.gangway.spi.ExtensionContext;
import io.gangway.spi.ServiceFactory;
import io.gangway.spi.parser.Parser;
import java.util.Map;

/** Makes the ANTLR {@link Parser}; it takes no configuration. */
public final class AntlrParserFactory implements ServiceFactory<Parser> {
    public static final String NAME = "antlr";

    @Override
    public Class<Parser> type() {
        return Parser.class;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Parser create(ExtensionContext context, Map<String, String> config) {
        return new AntlrParser();
    }
}
