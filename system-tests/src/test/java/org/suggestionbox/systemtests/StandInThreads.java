package org.suggestionbox.systemtests;

import org.awaitility.Awaitility;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Keeps the stand-ins' thread failures out of the tests' waits. Awaitility by default fails a wait with any
 * exception thrown on any thread of the JVM, and this JVM also runs the stacks' stand-ins: GreenMail's SMTP
 * handler ends a connection that a killed or scaled-in notifier dropped mid-mail by throwing
 * {@code IllegalStateException: Unexpected error handling connection} on its own thread, and that failed the
 * scale-out scenario's wait in CI. What the tests assert is read from the stacks (mail received, ideas delivered,
 * lost and doubled counts), so a connection dropped for good is seen there.
 */
public final class StandInThreads implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
    }
}
