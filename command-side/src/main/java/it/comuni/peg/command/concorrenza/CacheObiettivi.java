package it.comuni.peg.command.concorrenza;

import it.comuni.peg.platform.memoria.MappaMorbida;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.springframework.stereotype.Component;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The objectives (and the enti's organigrammi) loaded by commands, kept in memory so that the next
 * command on one does not read and replay its whole stream again (a few hundred events a year; an
 * import sends a few hundred commands to one organigramma). Soft references
 * ({@link MappaMorbida}): the cache adapts to the memory there is instead of to a fixed count.
 * <p>
 * Another process on the same database (the split topology's second command side) may have
 * appended to an objective since it was cached: {@link #verifica} compares the cached version with
 * the store's last sequence number (one indexed lookup) before every command and drops a stale
 * entry, so the command loads the stream afresh instead of failing on the unique constraint.
 */
@Component(CacheObiettivi.NOME)
public class CacheObiettivi implements Cache {

    public static final String NOME = "cacheObiettivi";

    // Axon's cache entry does not expose the version it holds; read where Axon keeps it (a test
    // fails on an upgrade that moves it)
    private static final VarHandle VERSIONE;

    static {
        try {
            VERSIONE = MethodHandles.privateLookupIn(AggregateCacheEntry.class, MethodHandles.lookup())
                    .findVarHandle(AggregateCacheEntry.class, "version", Long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MappaMorbida<Object, Object> voci = new MappaMorbida<>();

    /** Drops the entry of {@code obiettivo} if the store holds events it has not seen. */
    public void verifica(String obiettivo, Supplier<Long> ultimaSequenzaNelloStore) {
        Object valore = get(obiettivo);
        if (valore instanceof AggregateCacheEntry<?> voce
                && !Objects.equals((Long) VERSIONE.get(voce), ultimaSequenzaNelloStore.get())) {
            remove(obiettivo);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K chiave) {
        return (V) voci.get(chiave);
    }

    @Override
    public void put(Object chiave, Object valore) {
        voci.put(chiave, valore);
    }

    @Override
    public boolean putIfAbsent(Object chiave, Object valore) {
        return voci.putIfAbsent(chiave, valore);
    }

    @Override
    public boolean remove(Object chiave) {
        return voci.remove(chiave);
    }

    @Override
    public void removeAll() {
        voci.clear();
    }

    @Override
    public boolean containsKey(Object chiave) {
        return voci.containsKey(chiave);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        throw new UnsupportedOperationException("La cache degli obiettivi non notifica le sue voci");
    }
}
