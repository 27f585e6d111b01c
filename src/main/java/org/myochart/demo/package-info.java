/**
 * The demonstration clinic that MYOCHART_DEMO=true creates at first start: staff accounts and, as
 * features arrive, fictitious clients and their records, all made through the real services so that
 * the demo obeys the same rules and leaves the same audit trail as real use.
 */
package org.myochart.demo;
