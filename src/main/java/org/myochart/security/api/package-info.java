/** The staff accounts API under /api/v1/staff. */
package org.myochart.security.api;
