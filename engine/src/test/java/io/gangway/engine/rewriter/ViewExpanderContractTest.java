package io.gangway.engine.rewriter;

import io.gangway.spi.rewriter.Rewriter;
import io.gangway.tck.rewriter.RewriterContractTest;

class ViewExpanderContractTest extends RewriterContractTest {
    @Override
    protected Rewriter createRewriter() {
        return new ViewExpander();
    }
}
