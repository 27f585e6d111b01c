package org.myochart.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.myochart.audit.Actor;

class RoleTest {

  @Test
  void theStaffRolesAreTheJakartaSecurityRolesAndLeaveOutTheTablet() {
    assertEquals(
        List.of(Role.OWNER_ROLE, Role.THERAPIST_ROLE, Role.FRONT_DESK_ROLE),
        Role.STAFF.stream().map(Role::name).toList());
    assertFalse(Role.KIOSK.isStaff());
    assertTrue(Role.STAFF.stream().allMatch(Role::isStaff));
  }

  @Test
  void anActorActsOnlyInItsOwnRole() {
    Actor owner = new Actor("owner", Role.OWNER, null, null);

    assertTrue(owner.actsAs(Role.OWNER));
    assertFalse(owner.actsAs(Role.THERAPIST));
    assertFalse(Actor.SYSTEM.actsAs(Role.OWNER));
    assertFalse(new Actor("kiosk:client-4", Role.KIOSK, null, null).actsAs(Role.FRONT_DESK));
  }
}
