package dev.guardian.infra.local.es;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;

/**
 * Stand-in for the distribution's unpublished {@code lib/entitlement-agent}. The server attaches
 * this agent to itself and passes the name of the class that installs its entitlement checks; the
 * agent only hands that class the JVM's {@link Instrumentation}.
 */
public final class EntitlementAgent {

    private EntitlementAgent() {}

    public static void agentmain(String initializerClass, Instrumentation instrumentation)
            throws Throwable {
        try {
            Class.forName(initializerClass)
                    .getMethod("initialize", Instrumentation.class)
                    .invoke(null, instrumentation);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
