package io.gangway.parser.antlr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gangway.spi.ast.QueryStatement;
import io.gangway.spi.ast.Statement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every TPC-H query of the shared reference material ({@code shared/tpch/queries}) parses to a query. */
class TpchQueriesParseTest {
    private final AntlrParser parser = new AntlrParser();

    @TestFactory
    Stream<DynamicTest> everyTpchQueryParses() throws IOException {
        Optional<Path> queries = tpchDirectory().map(d -> d.resolve("queries"));
        assumeTrue(queries.isPresent(), "shared/tpch not found above " + Path.of("").toAbsolutePath() + ": TPC-H queries not checked");
        List<Path> files;
        try (Stream<Path> list = Files.list(queries.get())) {
            files = list.filter(p -> p.getFileName().toString().matches("q\\d+\\.sql")).sorted().toList();
        }
        assertThat(files).hasSize(22);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Statement statement = parser.parse(Files.readString(file));
            assertThat(statement).isInstanceOf(QueryStatement.class);
        }));
    }

    @TestFactory
    Stream<DynamicTest> tpchSchemaParses() throws IOException {
        Optional<Path> schema = tpchDirectory().map(d -> d.resolve("schema.sql"));
        assumeTrue(schema.isPresent(), "shared/tpch not found: TPC-H schema not checked");
        List<Statement> statements = parser.parseAll(Files.readString(schema.get()));
        return Stream.of(DynamicTest.dynamicTest("schema.sql", () -> assertThat(statements).hasSize(16)));
    }

    /** {@code shared/tpch}, found by walking up from the working directory (the repository sits beside {@code shared}). */
    static Optional<Path> tpchDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("tpch");
            if (Files.isDirectory(candidate.resolve("queries"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
