package io.gangway.parser.antlr;

import io.gangway.spi.parser.Parser;
import io.gangway.tck.parser.ParserContractTest;

class AntlrParserContractTest extends ParserContractTest {
    @Override
    protected Parser createParser() {
        return new AntlrParser();
    }
}
