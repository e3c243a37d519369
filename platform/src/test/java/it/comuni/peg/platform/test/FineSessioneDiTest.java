package it.comuni.peg.platform.test;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.springframework.test.context.cache.ContextCache;
import org.springframework.test.context.cache.DefaultCacheAwareContextLoaderDelegate;

/**
 * At the end of a test JVM's JUnit session, closes every Spring test context ({@link ContestiDiTest})
 * and only then stops the embedded test MariaDB ({@link MariaDbDiTest}). Left to shutdown hooks, the
 * contexts close after the database is gone (Axon's processors retrying to release their claims, the
 * sealer, the pools' timeouts): seconds per context, and the fork may outlive Surefire's exit timeout
 * ("Surefire is going to kill self fork JVM"). Spring's cache cannot do it: clearing it only forgets
 * the contexts. Registered in
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener} of the platform's test
 * jar, so every module whose tests use {@link MariaDbDiTest} gets it.
 */
public class FineSessioneDiTest implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        ContestiDiTest.chiudiTutti();
        cacheDeiContesti().clear();
        MariaDbDiTest.arresta();
    }

    /** Spring's JVM-wide cache of test contexts: the one a default delegate works with. */
    private static ContextCache cacheDeiContesti() {
        return new DefaultCacheAwareContextLoaderDelegate() {
            ContextCache cache() {
                return getContextCache();
            }
        }.cache();
    }
}
