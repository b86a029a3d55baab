package io.gangway.interconnect.udp;

import io.gangway.interconnect.udp.FaultyDatagramLink.Faults;
import java.util.ArrayList;
import java.util.List;

/** UDP interconnects standing for processes, each behind its own faulty datagram layer; closes them all. */
final class UdpProcesses implements AutoCloseable {
    private final List<UdpInterconnect> processes = new ArrayList<>();
    private final List<FaultyDatagramLink> links = new ArrayList<>();
    private final UdpInterconnectConfig config;
    private final Faults faults;
    private final long seed;

    UdpProcesses(UdpInterconnectConfig config, Faults faults, long seed) {
        this.config = config;
        this.faults = faults;
        this.seed = seed;
    }

    UdpInterconnect start() {
        long processSeed = seed * 1_000_003 + processes.size();
        FaultyDatagramLink[] made = new FaultyDatagramLink[1];
        UdpInterconnect ic = new UdpInterconnect(config, inner -> made[0] = new FaultyDatagramLink(inner, faults, processSeed));
        processes.add(ic);
        links.add(made[0]);
        return ic;
    }

    FaultyDatagramLink link(int process) {
        return links.get(process);
    }

    long dropped() {
        return links.stream().mapToLong(l -> l.dropped.get()).sum();
    }

    long duplicated() {
        return links.stream().mapToLong(l -> l.duplicated.get()).sum();
    }

    long delayed() {
        return links.stream().mapToLong(l -> l.delayed.get()).sum();
    }

    @Override
    public void close() {
        processes.forEach(UdpInterconnect::close);
    }
}
