/**
 * The report's style sheet (private to the report): system fonts only (no web font, no
 * request), a layout that reads on a phone (tables scroll sideways, tiles wrap), and print rules
 * (no controls, no page break inside a chart or a row).
 *
 * @module
 */

/** The CSS inlined in the report's `<style>`. */
export const REPORT_CSS = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--tile:#f6f8fa;--accent:#e1251b}
*{box-sizing:border-box}
body{margin:0;color:var(--fg);background:var(--bg);font:14px/1.5 system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif}
main{max-width:1200px;margin:0 auto;padding:16px}
h1{margin:0 0 4px;font-size:24px;color:var(--accent)}
h2{margin:28px 0 8px;font-size:19px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{margin:16px 0 6px;font-size:15px}
.en{color:var(--muted);font-weight:normal;font-size:.9em}
.s{color:var(--muted);font-size:12px;font-weight:normal}
.meta{margin:0;color:var(--muted)}
.note{background:#fff8c5;border:1px solid #d4a72c66;padding:6px 10px;border-radius:6px}
.tiles{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0}
.tile{background:var(--tile);border:1px solid var(--line);border-radius:8px;padding:8px 12px;min-width:130px;flex:1 1 130px}
.tile .k{font-size:12px;color:var(--muted)}
.tile .v{font-size:22px;font-weight:600;font-variant-numeric:tabular-nums}
.tile.big .v{font-size:30px;color:var(--accent)}
.next-star ul{margin:4px 0;padding-left:20px}
.chart{width:100%;height:340px}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
td{font-variant-numeric:tabular-nums}
thead th{background:var(--tile);font-size:12px}
tr.group th{background:#fdf2f1;font-size:13px}
.nowrap{white-space:nowrap}
.prov{display:inline-block;border-radius:4px;padding:0 5px;margin:1px;font-size:11px;text-decoration:none;border:1px solid}
.prov.seed{color:#0550ae;border-color:#0550ae55}
.prov.published{color:#1a7f37;border-color:#1a7f3755}
.prov.assumption{color:#9a6700;border-color:#9a670055}
.prov.custom{color:#8250df;border-color:#8250df55}
.pick select{font:inherit;max-width:100%}
details{margin:6px 0}summary{cursor:pointer;color:#0550ae}
footer{margin-top:32px;color:var(--muted);font-size:12px}
@media (max-width:600px){main{padding:8px}h1{font-size:20px}.chart{height:280px}.tile{min-width:100px}}
@media print{
  body{font-size:11px}main{max-width:none;padding:0}
  .pick{display:none}
  .chart{height:260px;break-inside:avoid}
  tr,.tile{break-inside:avoid}
  section{break-before:auto}
  a.prov{color:inherit}
}
`;
