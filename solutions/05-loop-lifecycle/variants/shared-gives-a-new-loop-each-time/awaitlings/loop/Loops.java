package awaitlings.loop;

/**
 * Where code gets an event loop: the one loop the whole program shares, or a new one of its own.
 * Given code: you need not change it.
 */
public class Loops {

    private static EventLoop shared; // guarded by Loops.class

    private Loops() {
    }

    /**
     * The program's shared loop, created on first use, like asyncio's {@code get_event_loop()}. It is only lent
     * to you: the program owns it. Once someone closes it, it stays closed, and every later caller gets it closed.
     */
    public static synchronized EventLoop shared() {
        shared = new EventLoop();
        return shared;
    }

    /** A new loop for the caller alone, like asyncio's {@code new_event_loop()}: the caller owns it and closes it. */
    public static EventLoop newLoop() {
        return new EventLoop();
    }

    /** Closes and forgets the shared loop, so that each test starts with none. For tests only. */
    static void resetForTests() {
        EventLoop old;
        synchronized (Loops.class) {
            old = shared;
            shared = null;
        }
        // Closed outside the lock: a task still draining on that loop may itself ask for shared().
        if (old != null) {
            old.close();
        }
    }
}
