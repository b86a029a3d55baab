package io.gangway.parser.antlr;

import static java.util.Objects.requireNonNull;

import io.gangway.parser.antlr.GangwaySqlParser.StatementContext;
import io.gangway.spi.ast.Statement;
import io.gangway.spi.parser.Parser;
import java.util.List;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The {@link Parser} on the ANTLR grammar {@code GangwaySql.g4}.
 *
 * <p>Each call parses first in SLL prediction mode, which is fast and right for nearly every
 * statement, and only when that fails again in full LL mode, which is exact and reports the error
 * (the two-stage strategy of ANTLR's authors). Stateless and thread-safe: the lexer, parser and
 * builders are made per call; ANTLR's shared DFA cache is thread-safe.
 */
public final class AntlrParser implements Parser {
    private static final System.Logger LOG = System.getLogger(AntlrParser.class.getName());

    @Override
    public Statement parse(String sql) {
        StatementContext statement = parse(sql, GangwaySqlParser::singleStatement).statement();
        return new StatementBuilder().statement(statement);
    }

    @Override
    public List<Statement> parseAll(String sql) {
        List<StatementContext> statements = parse(sql, GangwaySqlParser::statements).statement();
        StatementBuilder builder = new StatementBuilder();
        return statements.stream().map(builder::statement).toList();
    }

    private static <T extends ParserRuleContext> T parse(String sql, Function<GangwaySqlParser, T> rule) {
        requireNonNull(sql, "sql is null");
        GangwaySqlLexer lexer = new GangwaySqlLexer(CharStreams.fromString(sql));
        lexer.removeErrorListeners();
        lexer.addErrorListener(SyntaxErrorListener.INSTANCE);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        GangwaySqlParser parser = new GangwaySqlParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            return rule.apply(parser);
        } catch (ParseCancellationException sllFailed) {
            // SLL is not exact: retry in LL, which either parses or reports the real error.
            LOG.log(System.Logger.Level.TRACE, "SLL prediction failed, retrying in LL mode");
            tokens.seek(0);
            parser.reset();
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.addErrorListener(SyntaxErrorListener.INSTANCE);
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            return rule.apply(parser);
        }
    }
}
