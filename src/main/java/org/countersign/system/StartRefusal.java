package org.countersign.system;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the server does when it cannot start: one log line that says why, and on Payara Micro, where
 * the process exists to serve this one application, the end of the process with exit status 1, so
 * that systemd or an orchestrator sees the failure and a load balancer never meets a process that
 * answers 404 to everything. Other servers (WildFly, Payara Server) host other applications too and
 * keep running without this one.
 *
 * <pre>{@code
 * throw StartRefusal.refuse(e.getMessage());
 * }</pre>
 */
public final class StartRefusal {

  private static final Logger LOG = Logger.getLogger(StartRefusal.class.getName());

  /** How long the server's own shutdown may take before the process is halted. */
  private static final long HALT_AFTER_MILLIS = 30_000;

  private StartRefusal() {}

  /**
   * Logs the reason and, on Payara Micro, ends the process; returns the exception the caller throws
   * so that the deployment fails as well (the exit runs on a thread of its own, after the
   * deployment thread let go of the server).
   */
  public static IllegalStateException refuse(String why) {
    LOG.log(Level.SEVERE, "Countersign cannot start: {0}", why);
    if (onPayaraMicro()) {
      Thread exit = new Thread(StartRefusal::exit, "countersign-start-refused");
      exit.start();
    }
    return new IllegalStateException(why);
  }

  private static void exit() {
    Thread halt =
        new Thread(
            () -> {
              sleep(HALT_AFTER_MILLIS);
              Runtime.getRuntime().halt(1);
            },
            "countersign-start-refused-halt");
    halt.setDaemon(true);
    halt.start();
    System.exit(1);
  }

  private static boolean onPayaraMicro() {
    try {
      Class.forName("fish.payara.micro.PayaraMicro", false, StartRefusal.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
