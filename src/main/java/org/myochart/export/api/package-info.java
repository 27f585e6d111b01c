/** The owner's export API: request an audit export, follow it, download its archive. */
package org.myochart.export.api;
