import CLibXML2
import FAQModel

/// CALS tables (`table`/`informaltable` › `tgroup` › `thead`/`tbody` › `row` › `entry`), as
/// docutils and DocBook both write them, into the model's table: the first head row is the
/// header, every other row a body row, `align` on `colspec` or `entry` the alignment.
enum CALSTable {
    static func table(_ node: XMLNode, cell: (XMLNode) -> [Inline]) -> Table {
        var header: [TableCell]?
        var rows: [[TableCell]] = []
        var columnAlignments: [Table.Alignment] = []
        func rowCells(_ row: XMLNode) -> [TableCell] {
            row.children.filter { $0.isElement && $0.name == "entry" }.map { TableCell(cell($0)) }
        }
        func collect(_ parent: XMLNode, inHead: Bool) {
            for child in parent.children where child.isElement {
                switch child.name {
                case "tgroup": collect(child, inHead: false)
                case "colspec": columnAlignments.append(alignment(child.attribute("align")))
                case "thead": collect(child, inHead: true)
                case "tbody", "tfoot": collect(child, inHead: false)
                case "row":
                    if inHead && header == nil {
                        header = rowCells(child)
                    } else {
                        rows.append(rowCells(child))
                    }
                default: break
                }
            }
        }
        collect(node, inHead: false)
        let columns = max(header?.count ?? 0, rows.map(\.count).max() ?? 0)
        var alignments = Array(columnAlignments.prefix(columns))
        alignments += Array(repeating: .none, count: max(0, columns - alignments.count))
        return Table(alignments: alignments, header: header ?? [], rows: rows)
    }

    static func alignment(_ value: String?) -> Table.Alignment {
        switch value?.lowercased() {
        case "left": return .left
        case "center": return .center
        case "right": return .right
        default: return .none
        }
    }
}
