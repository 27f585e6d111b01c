package org.myochart.audit.web;

import java.util.List;
import java.util.Map;
import org.myochart.audit.AuditFilter;
import org.myochart.audit.AuditOrder;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The audit page's table as PrimeFaces asks for it: a count and one page at a time, both from the
 * database through {@code AuditSearch}; sorted by the column the owner clicked, newest first when
 * none.
 */
class AuditEntries extends LazyDataModel<AuditRow> {

  private final AuditPage page;
  private final AuditFilter filter;

  AuditEntries(AuditPage page, AuditFilter filter) {
    this.page = page;
    this.filter = filter;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) Math.min(Integer.MAX_VALUE, page.search.count(filter));
  }

  @Override
  public List<AuditRow> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    return page.rows(page.search.page(filter, first, pageSize, order(sortBy)));
  }

  /** The table's sort as an order of the trail; a column it does not know sorts by time. */
  static AuditOrder order(Map<String, SortMeta> sortBy) {
    if (sortBy == null) {
      return AuditOrder.NEWEST_FIRST;
    }
    for (SortMeta sort : sortBy.values()) {
      if (sort.getOrder() == null || sort.getOrder().isUnsorted()) {
        continue;
      }
      AuditOrder.By by =
          switch (String.valueOf(sort.getField())) {
            case "action" -> AuditOrder.By.ACTION;
            case "staff" -> AuditOrder.By.STAFF;
            default -> AuditOrder.By.TIME;
          };
      return new AuditOrder(by, sort.getOrder().isAscending());
    }
    return AuditOrder.NEWEST_FIRST;
  }

  @Override
  public String getRowKey(AuditRow row) {
    return Long.toString(row.id());
  }

  @Override
  public AuditRow getRowData(String rowKey) {
    List<AuditRow> shown = getWrappedData();
    return shown == null
        ? null
        : shown.stream().filter(r -> getRowKey(r).equals(rowKey)).findFirst().orElse(null);
  }
}
