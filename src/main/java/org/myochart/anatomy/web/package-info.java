/** The owner's catalogue page. */
package org.myochart.anatomy.web;
