/**
 * The roles in which people act in MyoChart ({@link org.myochart.staff.Role}). It sits below every
 * other domain package: the audit trail records an actor's role with it, security grants the staff
 * roles at sign-in, and the other packages decide with it who may do what, without one of them
 * having to depend on another for it.
 */
package org.myochart.staff;
