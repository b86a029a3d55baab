package io.gangway.spi.ast;

/**
 * Where a parse-tree node starts in the statement text: a 1-based character offset, or 0 when the
 * node was made, not parsed. Errors about the node report this position to the client.
 */
public interface Node {
    int position();
}
