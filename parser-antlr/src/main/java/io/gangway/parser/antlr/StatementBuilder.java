package io.gangway.parser.antlr;

import static io.gangway.parser.antlr.Lexemes.identifier;
import static io.gangway.parser.antlr.Lexemes.identifiers;
import static io.gangway.parser.antlr.Lexemes.notSupported;
import static io.gangway.parser.antlr.Lexemes.position;
import static io.gangway.parser.antlr.Lexemes.qualifiedName;
import static java.util.Objects.requireNonNull;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.parser.antlr.GangwaySqlParser.*;
import io.gangway.spi.ast.CloseCursor;
import io.gangway.spi.ast.DeclareCursor;
import io.gangway.spi.ast.FetchCursor;
import io.gangway.spi.ast.ColumnDefinition;
import io.gangway.spi.ast.CreateTable;
import io.gangway.spi.ast.CreateView;
import io.gangway.spi.ast.DistributedBy;
import io.gangway.spi.ast.DropTable;
import io.gangway.spi.ast.DropView;
import io.gangway.spi.ast.Explain;
import io.gangway.spi.ast.Insert;
import io.gangway.spi.ast.QualifiedName;
import io.gangway.spi.ast.QueryStatement;
import io.gangway.spi.ast.ResetVariable;
import io.gangway.spi.ast.SetVariable;
import io.gangway.spi.ast.ShowVariable;
import io.gangway.spi.ast.Statement;
import io.gangway.spi.ast.TransactionStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Builds statements: DDL, INSERT, EXPLAIN, SET / SHOW / RESET and transaction control. One instance per parse. */
final class StatementBuilder extends GangwaySqlBaseVisitor<Statement> {
    private final QueryBuilder queries = new QueryBuilder();

    Statement statement(StatementContext ctx) {
        return requireNonNull(visit(ctx), "no statement built");
    }

    @Override
    public Statement visitQueryStatement(QueryStatementContext ctx) {
        return new QueryStatement(queries.query(ctx.query()));
    }

    // ------------------------------------------------------------ DDL

    @Override
    public Statement visitCreateTable(CreateTableContext ctx) {
        List<ColumnDefinition> columns = new ArrayList<>();
        Set<String> keyColumns = new HashSet<>();
        for (TableElementContext element : ctx.tableElement()) {
            switch (element) {
                case ColumnElementContext c -> columns.add(column(c.columnDefinition()));
                case PrimaryKeyConstraintContext c -> keyColumns.addAll(identifiers(c.columnAliases()));
                case UniqueConstraintContext c -> { } // uniqueness is not enforced; the clause is accepted and ignored
                default -> throw new IllegalStateException("unexpected table element " + element.getClass().getSimpleName());
            }
        }
        // PRIMARY KEY (…) makes its columns NOT NULL, as in PostgreSQL.
        Set<String> known = columns.stream().map(ColumnDefinition::name).collect(Collectors.toSet());
        for (TableElementContext element : ctx.tableElement()) {
            if (element instanceof PrimaryKeyConstraintContext c) {
                for (IdentifierContext key : c.columnAliases().identifier()) {
                    if (!known.contains(identifier(key))) {
                        throw SqlException.at(SqlState.UNDEFINED_COLUMN, position(key),
                                "column \"" + identifier(key) + "\" named in key does not exist");
                    }
                }
            }
        }
        columns.replaceAll(c -> keyColumns.contains(c.name()) && !c.notNull()
                ? new ColumnDefinition(c.name(), c.type(), true, c.position())
                : c);
        Map<String, String> with = new LinkedHashMap<>();
        for (PropertyContext property : ctx.property()) {
            String key = String.join(".", identifiers(property.propertyName().identifier()));
            // PostgreSQL: a storage parameter named without a value means true.
            with.put(key, property.propertyValue() == null ? "true" : optionValue(property.propertyValue()));
        }
        return new CreateTable(
                qualifiedName(ctx.qualifiedName()),
                columns,
                Optional.ofNullable(ctx.distributedClause()).map(StatementBuilder::distributedBy),
                Optional.ofNullable(ctx.using).map(Lexemes::identifier),
                with,
                ctx.IF() != null);
    }

    private ColumnDefinition column(ColumnDefinitionContext ctx) {
        boolean notNull = false;
        for (ColumnConstraintContext constraint : ctx.columnConstraint()) {
            switch (constraint) {
                case NotNullConstraintContext c -> notNull = true;
                case PrimaryKeyColumnConstraintContext c -> notNull = true;
                case NullConstraintContext c -> { }
                case UniqueColumnConstraintContext c -> { }
                case DefaultConstraintContext c -> throw notSupported(c, "DEFAULT");
                default -> throw new IllegalStateException("unexpected constraint " + constraint.getClass().getSimpleName());
            }
        }
        return new ColumnDefinition(identifier(ctx.identifier()), ExpressionBuilder.type(ctx.type()), notNull, position(ctx));
    }

    private static DistributedBy distributedBy(DistributedClauseContext ctx) {
        return switch (ctx) {
            case DistributedByColumnsContext c -> new DistributedBy.Hashed(identifiers(c.columnAliases()));
            case DistributedRandomlyContext c -> new DistributedBy.Randomly();
            case DistributedReplicatedContext c -> new DistributedBy.Replicated();
            default -> throw new IllegalStateException("unexpected distribution " + ctx.getClass().getSimpleName());
        };
    }

    @Override
    public Statement visitDropTable(DropTableContext ctx) {
        return new DropTable(names(ctx.qualifiedName()), ctx.IF() != null);
    }

    @Override
    public Statement visitCreateView(CreateViewContext ctx) {
        return new CreateView(
                qualifiedName(ctx.qualifiedName()),
                identifiers(ctx.columnAliases()),
                queries.query(ctx.query()),
                Lexemes.sourceText(ctx.query()),
                ctx.REPLACE() != null);
    }

    @Override
    public Statement visitDropView(DropViewContext ctx) {
        return new DropView(names(ctx.qualifiedName()), ctx.IF() != null);
    }

    private static List<QualifiedName> names(List<QualifiedNameContext> ctxs) {
        return ctxs.stream().map(Lexemes::qualifiedName).toList();
    }

    @Override
    public Statement visitInsert(InsertContext ctx) {
        return new Insert(qualifiedName(ctx.qualifiedName()), identifiers(ctx.columnAliases()), queries.query(ctx.query()));
    }

    // ------------------------------------------------------------ EXPLAIN

    @Override
    public Statement visitExplain(ExplainContext ctx) {
        return new Explain(statement(ctx.statement()), ctx.ANALYZE() != null, ctx.VERBOSE() != null);
    }

    @Override
    public Statement visitExplainWithOptions(ExplainWithOptionsContext ctx) {
        boolean analyze = false;
        boolean verbose = false;
        for (ExplainOptionContext option : ctx.explainOption()) {
            String name = option.explainOptionName().identifier() != null
                    ? identifier(option.explainOptionName().identifier())
                    : option.explainOptionName().getText().toLowerCase(Locale.ROOT);
            Optional<String> value = Optional.ofNullable(option.explainOptionValue()).map(StatementBuilder::optionValue);
            switch (name) {
                case "analyze", "analyse" -> analyze = booleanOption(name, value, option);
                case "verbose" -> verbose = booleanOption(name, value, option);
                case "costs", "buffers", "timing", "summary", "settings", "wal" -> booleanOption(name, value, option);
                case "format" -> {
                    if (!value.orElse("").equals("text")) {
                        throw notSupported(option, "EXPLAIN format \"" + value.orElse("") + "\"");
                    }
                }
                default -> throw SqlException.at(SqlState.SYNTAX_ERROR, position(option), "unrecognized EXPLAIN option \"" + name + "\"");
            }
        }
        return new Explain(statement(ctx.statement()), analyze, verbose);
    }

    private static boolean booleanOption(String name, Optional<String> value, ParserRuleContext at) {
        return switch (value.orElse("true")) {
            case "true", "on", "1", "yes" -> true;
            case "false", "off", "0", "no" -> false;
            default -> throw SqlException.at(SqlState.SYNTAX_ERROR, position(at),
                    name.toUpperCase(Locale.ROOT) + " requires a Boolean value");
        };
    }

    // ------------------------------------------------------------ SET / SHOW / RESET

    @Override
    public Statement visitSetVariable(SetVariableContext ctx) {
        String name = variableName(ctx.variableName());
        boolean local = isLocal(ctx.scope);
        return switch (ctx.setValue()) {
            case SetDefaultContext c -> new SetVariable(name, "", local, true);
            case SetValueListContext c -> new SetVariable(name,
                    c.setValueItem().stream().map(StatementBuilder::optionValue).collect(Collectors.joining(", ")),
                    local, false);
            default -> throw new IllegalStateException("unexpected SET value");
        };
    }

    @Override
    public Statement visitSetTimeZone(SetTimeZoneContext ctx) {
        boolean local = isLocal(ctx.scope);
        if (ctx.toDefault != null) {
            return new SetVariable("timezone", "", local, true);
        }
        return new SetVariable("timezone", optionValue(ctx.setValueItem()), local, false);
    }

    private static boolean isLocal(Token scope) {
        return scope != null && scope.getType() == GangwaySqlLexer.LOCAL;
    }

    @Override
    public Statement visitShowVariable(ShowVariableContext ctx) {
        return new ShowVariable(ctx.ALL() != null ? "all" : variableName(ctx.variableName()));
    }

    @Override
    public Statement visitShowTimeZone(ShowTimeZoneContext ctx) {
        return new ShowVariable("timezone");
    }

    @Override
    public Statement visitShowTransactionIsolation(ShowTransactionIsolationContext ctx) {
        return new ShowVariable("transaction_isolation");
    }

    @Override
    public Statement visitResetVariable(ResetVariableContext ctx) {
        return new ResetVariable(ctx.ALL() != null ? "all" : variableName(ctx.variableName()));
    }

    private static String variableName(VariableNameContext ctx) {
        return String.join(".", identifiers(ctx.identifier()));
    }

    /** A value of SET, WITH (…) or an EXPLAIN option as text: strings unquoted, words case-folded. */
    private static String optionValue(ParserRuleContext ctx) {
        IdentifierContext identifier = ctx.getRuleContext(IdentifierContext.class, 0);
        if (identifier != null) {
            return identifier(identifier);
        }
        StringContext string = ctx.getRuleContext(StringContext.class, 0);
        if (string != null) {
            return Lexemes.string(string);
        }
        return ctx.getText().toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------ transactions

    @Override
    public Statement visitBeginTransaction(BeginTransactionContext ctx) {
        return new TransactionStatement(TransactionStatement.Kind.BEGIN);
    }

    @Override
    public Statement visitCommitTransaction(CommitTransactionContext ctx) {
        return new TransactionStatement(TransactionStatement.Kind.COMMIT);
    }

    @Override
    public Statement visitRollbackTransaction(RollbackTransactionContext ctx) {
        return new TransactionStatement(TransactionStatement.Kind.ROLLBACK);
    }

    // ------------------------------------------------------------ cursors

    @Override
    public Statement visitDeclareCursor(DeclareCursorContext ctx) {
        return new DeclareCursor(identifier(ctx.name), queries.query(ctx.query()), ctx.hold != null, position(ctx));
    }

    @Override
    public Statement visitFetchCursor(FetchCursorContext ctx) {
        OptionalLong count = switch (ctx.fetchCount()) {
            case null -> OptionalLong.of(1);
            case FetchNextContext next -> OptionalLong.of(1);
            case FetchForwardContext forward -> forward.all != null ? OptionalLong.empty()
                    : OptionalLong.of(forward.count == null ? 1 : count(forward.count));
            case FetchCountValueContext value -> OptionalLong.of(count(value.count));
            case FetchAllContext all -> OptionalLong.empty();
            default -> throw new IllegalStateException("unknown FETCH form " + ctx.fetchCount().getText());
        };
        return new FetchCursor(identifier(ctx.name), count, position(ctx));
    }

    private static long count(org.antlr.v4.runtime.Token token) {
        try {
            return Long.parseLong(token.getText());
        } catch (NumberFormatException e) {
            throw SqlException.at(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, token.getStartIndex() + 1,
                    "FETCH count " + token.getText() + " is out of range");
        }
    }

    @Override
    public Statement visitCloseCursor(CloseCursorContext ctx) {
        return new CloseCursor(ctx.name == null ? Optional.empty() : Optional.of(identifier(ctx.name)), position(ctx));
    }

    @Override
    public Statement visitCreateTableAsSelect(CreateTableAsSelectContext ctx) {
        throw notSupported(ctx, "CREATE TABLE AS");
    }

    @Override
    public Statement visitUnsupportedObjectStatement(UnsupportedObjectStatementContext ctx) {
        String command = ctx.command.getText() + (ctx.UNIQUE() != null ? " UNIQUE " : " ") + ctx.kind.getText();
        throw notSupported(ctx, command.toUpperCase(Locale.ROOT));
    }

    @Override
    public Statement visitUnsupportedStatement(UnsupportedStatementContext ctx) {
        throw notSupported(ctx, ctx.command.getText().toUpperCase(Locale.ROOT));
    }
}
