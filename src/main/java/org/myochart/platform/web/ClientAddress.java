package org.myochart.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The address a request comes from. By default the connection's own address; only when that is one
 * of the reverse proxies named in {@code MYOCHART_TRUSTED_PROXIES} is the {@code X-Forwarded-For}
 * header believed, read from the right, so that a client cannot choose its own address.
 */
public final class ClientAddress {

  private static final int LONGEST = 64;

  private ClientAddress() {}

  public static String of(HttpServletRequest request) {
    String connected = request.getRemoteAddr();
    Set<String> proxies = trustedProxies();
    if (connected == null || !proxies.contains(connected)) {
      return connected;
    }
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded == null || forwarded.isBlank()) {
      return connected;
    }
    String[] hops = forwarded.split(",");
    for (int hop = hops.length - 1; hop >= 0; hop--) {
      String address = hops[hop].strip();
      if (!address.isEmpty() && !proxies.contains(address)) {
        return address.length() > LONGEST ? address.substring(0, LONGEST) : address;
      }
    }
    return connected;
  }

  private static Set<String> trustedProxies() {
    String configured =
        ConfigProvider.getConfig()
            .getOptionalValue("myochart.trusted-proxies", String.class)
            .orElse("");
    return Arrays.stream(configured.split(","))
        .map(String::strip)
        .filter(a -> !a.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}
