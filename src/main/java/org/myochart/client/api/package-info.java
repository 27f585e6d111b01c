/** The clients API under /api/v1/clients. */
package org.myochart.client.api;
