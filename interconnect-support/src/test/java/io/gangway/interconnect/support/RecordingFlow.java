package io.gangway.interconnect.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link FlowControl} that records what the queue asked of it, in order. */
final class RecordingFlow implements FlowControl {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void pause() {
        events.add("pause");
    }

    @Override
    public void resume() {
        events.add("resume");
    }

    @Override
    public void taken() {
        events.add("taken");
    }

    @Override
    public void stop() {
        events.add("stop");
    }

    @Override
    public void refuse(String reason) {
        events.add("refuse: " + reason);
    }

    @Override
    public void release(boolean finished) {
        events.add(finished ? "release finished" : "release unfinished");
    }

    @Override
    public String describe() {
        return "a test sender";
    }

    List<String> drain() {
        List<String> copy = List.copyOf(events);
        events.clear();
        return copy;
    }
}
