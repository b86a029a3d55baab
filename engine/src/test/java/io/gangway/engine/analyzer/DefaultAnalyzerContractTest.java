package io.gangway.engine.analyzer;

import io.gangway.spi.analyzer.Analyzer;
import io.gangway.tck.analyzer.AnalyzerContractTest;

class DefaultAnalyzerContractTest extends AnalyzerContractTest {
    @Override
    protected Analyzer createAnalyzer() {
        return new DefaultAnalyzer();
    }
}
