package io.gangway.dispatcher.pool;

import org.apache.commons.pool2.BaseKeyedPooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;

/**
 * The Commons Pool view of reader QEs, keyed by content. A new reader is normally connected
 * beforehand, concurrently with the rest of its gang, and handed to {@link #create} through the
 * pool; only a borrow that finds nothing prepared connects here, synchronously.
 */
final class ReaderObjectFactory extends BaseKeyedPooledObjectFactory<Integer, PooledQe> {
    private final CommonsIdleQePool owner;

    ReaderObjectFactory(CommonsIdleQePool owner) {
        this.owner = owner;
    }

    @Override
    public PooledQe create(Integer content) {
        return owner.takePreparedOrConnect(content);
    }

    @Override
    public PooledObject<PooledQe> wrap(PooledQe qe) {
        return new DefaultPooledObject<>(qe);
    }

    /** Alive, not broken, and told the session's current settings. */
    @Override
    public boolean validateObject(Integer content, PooledObject<PooledQe> p) {
        PooledQe qe = p.getObject();
        return qe.qe().isHealthy() && owner.hasCurrentSettings(qe);
    }

    @Override
    public void destroyObject(Integer content, PooledObject<PooledQe> p) {
        owner.destroyedByPool(p.getObject());
    }
}
