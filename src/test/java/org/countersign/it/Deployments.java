package org.countersign.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archive every black-box test deploys: the WAR the build just packaged, unchanged. */
public final class Deployments {

  private Deployments() {}

  public static WebArchive war() {
    String path = System.getProperty("countersign.war", "target/countersign.war");
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(path));
  }

  /**
   * The data directory of the server booted for a container qualifier, as arquillian.xml sets it:
   * the default container ({@code payara}) writes to {@code <it.dir>/default}, the others to a
   * directory named after them.
   */
  public static File dataDir(String qualifier) {
    String dir = "payara".equals(qualifier) ? "default" : qualifier;
    return new File(System.getProperty("it.dir", "target/it"), dir).getAbsoluteFile();
  }
}
