package it.comuni.peg.command.obiettivo;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class ObiettivoConfig {

    /**
     * An objective collects a few hundred events a year (monthly consuntivi per phase); a snapshot
     * every 100 keeps loading it for a command short. As-of reads never use snapshots.
     */
    @Bean
    public SnapshotTriggerDefinition obiettivoSnapshotTrigger(Snapshotter snapshotter,
                                                              @Value("${peg.snapshot.ogni-eventi:100}") int soglia) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, soglia);
    }
}
