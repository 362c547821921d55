package awaitlings.harness;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link AsyncRules#PLAIN_JAVA_ONLY} forbids: every way a class can name, load, reflect on or start code it was
 * not handed. The learner's own classes are the ones the rule checks; a call through one of them that it does not
 * declare (a method of {@code Thread} called on a subclass) is judged as a call of the JDK class that declares it.
 */
final class PlainJava extends ArchCondition<JavaClass> {

    /** Packages of reflection, class loading, native code and the JVM's own management, with their subpackages. */
    private static final List<String> PACKAGES = List.of("java.lang.reflect", "java.lang.invoke", "java.lang.instrument",
            "java.lang.management", "java.lang.module", "java.lang.constant", "java.lang.runtime", "java.lang.foreign",
            "java.lang.classfile", "java.beans", "java.rmi", "java.sql");

    /** Classes that load classes by name, start processes or reach other threads, and their subclasses. */
    private static final List<Class<?>> TYPES = List.of(ClassLoader.class, java.util.ServiceLoader.class,
            java.io.ObjectInputStream.class, java.util.ResourceBundle.class, ProcessBuilder.class, Process.class,
            ProcessHandle.class, Module.class, ModuleLayer.class, StackWalker.class, ThreadGroup.class,
            java.util.logging.LogManager.class);

    /** The methods of classes that are otherwise plain which do one of those things. */
    private static final Map<String, Set<String>> METHODS = Map.of(
            "java.lang.Thread", Set.of("getContextClassLoader", "setContextClassLoader", "getAllStackTraces", "enumerate",
                    "getThreadGroup", "stop", "suspend", "resume", "setDefaultUncaughtExceptionHandler",
                    "getDefaultUncaughtExceptionHandler"),
            "java.lang.Runtime", Set.of("exec", "load", "loadLibrary"),
            "java.lang.System", Set.of("load", "loadLibrary", "setProperty", "setProperties", "clearProperty",
                    "setSecurityManager"));

    /** All that code may ask of a {@code Class}: what it is called, and whether an object is one. */
    private static final Set<String> CLASS_METHODS = Set.of("getName", "getSimpleName", "getTypeName", "getCanonicalName",
            "isInstance", "cast", "desiredAssertionStatus", "toString", "hashCode", "equals");

    private final Set<String> own = new HashSet<>();

    PlainJava(String sentence) {
        super(sentence);
    }

    @Override
    public void init(Collection<JavaClass> checked) {
        checked.forEach(type -> own.add(type.getName()));
    }

    @Override
    public void check(JavaClass type, ConditionEvents events) {
        type.getAccessesFromSelf().stream().filter(this::isPast)
                .forEach(access -> events.add(SimpleConditionEvent.violated(access, access.getDescription())));
    }

    private boolean isPast(JavaAccess<?> access) {
        JavaClass owner = declaringOwner(access);
        if (owner.isArray() || own.contains(owner.getName())) {
            return false; // an array's clone(), or the learner's own code
        }
        String name = owner.getName();
        String pkg = owner.getPackageName();
        if (!name.startsWith("java.") || PACKAGES.stream().anyMatch(p -> pkg.equals(p) || pkg.startsWith(p + "."))) {
            return true;
        }
        if (name.equals("java.lang.Class")) {
            return !CLASS_METHODS.contains(access.getName());
        }
        return METHODS.getOrDefault(name, Set.of()).contains(access.getName()) || isA(name);
    }

    /** The class that declares what is accessed: up the learner's own classes until one declares it or the JDK's begin. */
    private JavaClass declaringOwner(JavaAccess<?> access) {
        JavaClass owner = access.getTargetOwner();
        while (own.contains(owner.getName()) && !declares(owner, access.getName())) {
            Optional<JavaClass> parent = owner.getRawSuperclass();
            if (parent.isEmpty()) {
                break;
            }
            owner = parent.get();
        }
        return owner;
    }

    private static boolean declares(JavaClass owner, String member) {
        return owner.getCodeUnits().stream().anyMatch(unit -> unit.getName().equals(member))
                || owner.getFields().stream().anyMatch(field -> field.getName().equals(member));
    }

    /** Whether the JDK class {@code name} is one of {@link #TYPES}, asked of the platform (JDK classes only, never the learner's). */
    private static boolean isA(String name) {
        try {
            Class<?> type = Class.forName(name, false, ClassLoader.getPlatformClassLoader());
            return TYPES.stream().anyMatch(forbidden -> forbidden.isAssignableFrom(type));
        } catch (ClassNotFoundException | LinkageError notInThisJdk) {
            return false;
        }
    }
}
