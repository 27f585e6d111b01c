package org.myochart.testsupport;

import fish.payara.arquillian.container.payara.managed.PayaraMicroContainerConfiguration;
import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.util.Set;
import java.util.logging.Logger;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.descriptor.api.Descriptor;

/**
 * One Payara Micro for all Arquillian test classes of a test run instead of one per class.
 *
 * <p>{@code arquillian-payara-micro-managed} starts a Payara Micro process for every deployment and
 * ends it at undeployment, so each Arquillian class paid a whole start (about 35 s here). This
 * container keeps the first deployment running and hands its address to every later class whose
 * archive it already holds ({@link Deployments#clinic} builds the same archive for all of them); it
 * is ended when Arquillian stops its containers after the last test class. A class whose archive
 * holds something the running one lacks gets a server of its own, as before.
 *
 * <p>Registered for the test JVM in {@code
 * META-INF/services/org.jboss.arquillian.core.spi.LoadableExtension}.
 */
public final class OneContainer implements DeployableContainer<PayaraMicroContainerConfiguration> {

  private static final Logger LOG = Logger.getLogger(OneContainer.class.getName());

  private final PayaraMicroDeployableContainer payara = new PayaraMicroDeployableContainer();
  private Archive<?> running;
  private ProtocolMetaData address;

  /** Puts this container in the place of Payara's own. */
  public static final class Extension implements LoadableExtension {
    @Override
    public void register(ExtensionBuilder builder) {
      builder.override(
          DeployableContainer.class, PayaraMicroDeployableContainer.class, OneContainer.class);
    }
  }

  @Override
  public Class<PayaraMicroContainerConfiguration> getConfigurationClass() {
    return payara.getConfigurationClass();
  }

  @Override
  public void setup(PayaraMicroContainerConfiguration configuration) {
    payara.setup(configuration);
  }

  @Override
  public void start() throws LifecycleException {
    payara.start();
  }

  @Override
  public synchronized void stop() throws LifecycleException {
    if (running != null) {
      try {
        payara.undeploy(running);
      } catch (DeploymentException e) {
        throw new LifecycleException("Could not stop the shared Payara Micro", e);
      } finally {
        running = null;
        address = null;
      }
    }
    payara.stop();
  }

  @Override
  public ProtocolDescription getDefaultProtocol() {
    return payara.getDefaultProtocol();
  }

  @Override
  public synchronized ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
    if (running != null && holds(running, archive)) {
      return address;
    }
    if (running != null) {
      LOG.warning(
          () ->
              archive.getName()
                  + " holds classes the running deployment lacks; starting another Payara Micro"
                  + " (build it with Deployments.clinic to share the server)");
      payara.undeploy(running);
      running = null;
    }
    address = payara.deploy(archive);
    running = archive;
    return address;
  }

  @Override
  public void undeploy(Archive<?> archive) {
    // Stays deployed for the next test class; stop() ends it after the last one.
  }

  @Override
  public void deploy(Descriptor descriptor) throws DeploymentException {
    payara.deploy(descriptor);
  }

  @Override
  public void undeploy(Descriptor descriptor) throws DeploymentException {
    payara.undeploy(descriptor);
  }

  private static boolean holds(Archive<?> deployed, Archive<?> wanted) {
    if (!deployed.getName().equals(wanted.getName())) {
      return false;
    }
    Set<ArchivePath> have = deployed.getContent().keySet();
    return have.containsAll(wanted.getContent().keySet());
  }
}
