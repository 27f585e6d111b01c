package org.myochart.audit.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.myochart.audit.AuditChain;
import org.myochart.audit.ChainCheck;

/**
 * The owner's dashboard tile: the latest audit trail check, an alarm if it found a break, and
 * "Check now".
 */
@Named
@RequestScoped
public class AuditChainTile {

  @Inject AuditChain chain;

  public ChainCheck.Result getLatest() {
    return chain.latest();
  }

  public void check() {
    chain.verifyOnRequest();
  }
}
