package io.gangway.dispatcher;

import org.apache.commons.pool2.BaseKeyedPooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;

/**
 * The pool's view of reader QEs, keyed by content. A new reader is normally connected beforehand,
 * concurrently with the rest of its gang, and handed to {@link #create} through the pool; only a
 * borrow that finds nothing prepared connects here, synchronously.
 */
final class QeObjectFactory extends BaseKeyedPooledObjectFactory<Integer, PooledQeConnection> {
    private final CommonsIdleQePool owner;

    QeObjectFactory(CommonsIdleQePool owner) {
        this.owner = owner;
    }

    @Override
    public PooledQeConnection create(Integer content) {
        return owner.takePreparedOrConnect(content);
    }

    @Override
    public PooledObject<PooledQeConnection> wrap(PooledQeConnection qe) {
        return new DefaultPooledObject<>(qe);
    }

    /** Alive, not broken, no result outstanding, and told the session's current settings. */
    @Override
    public boolean validateObject(Integer content, PooledObject<PooledQeConnection> p) {
        PooledQeConnection qe = p.getObject();
        return qe.isHealthy() && qe.isIdle() && owner.hasCurrentSettings(qe);
    }

    @Override
    public void destroyObject(Integer content, PooledObject<PooledQeConnection> p) {
        owner.destroyedByPool(p.getObject());
    }
}
