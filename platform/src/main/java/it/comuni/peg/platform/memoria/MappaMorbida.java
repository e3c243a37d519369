package it.comuni.peg.platform.memoria;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.SoftReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A map whose values the garbage collector may take back when the heap needs room (soft
 * references, the least recently used first): a cache that adapts to the memory there is instead
 * of to a fixed count. Thread-safe; a key whose value was collected is forgotten at the next access.
 */
public final class MappaMorbida<K, V> {

    private final ConcurrentHashMap<K, Voce<K, V>> voci = new ConcurrentHashMap<>();
    private final ReferenceQueue<V> raccolte = new ReferenceQueue<>();

    private static final class Voce<K, V> extends SoftReference<V> {
        final K chiave;

        Voce(K chiave, V valore, ReferenceQueue<V> coda) {
            super(valore, coda);
            this.chiave = chiave;
        }
    }

    public V get(K chiave) {
        pulisci();
        Voce<K, V> voce = voci.get(chiave);
        return voce == null ? null : voce.get();
    }

    public void put(K chiave, V valore) {
        pulisci();
        voci.put(chiave, new Voce<>(chiave, valore, raccolte));
    }

    /** True if there was no value for the key (or it had been collected) and this one was kept. */
    public boolean putIfAbsent(K chiave, V valore) {
        pulisci();
        Voce<K, V> nuova = new Voce<>(chiave, valore, raccolte);
        Voce<K, V> vecchia = voci.putIfAbsent(chiave, nuova);
        return vecchia == null || vecchia.get() == null && voci.replace(chiave, vecchia, nuova);
    }

    public boolean remove(K chiave) {
        return voci.remove(chiave) != null;
    }

    public boolean containsKey(K chiave) {
        return get(chiave) != null;
    }

    public void clear() {
        voci.clear();
    }

    public int size() {
        pulisci();
        return voci.size();
    }

    @SuppressWarnings("unchecked")
    private void pulisci() {
        for (Object r = raccolte.poll(); r != null; r = raccolte.poll()) {
            Voce<K, V> voce = (Voce<K, V>) r;
            voci.remove(voce.chiave, voce);
        }
    }
}
