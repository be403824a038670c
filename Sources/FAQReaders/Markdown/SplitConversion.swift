import CCmarkGFM
import Dispatch
import FAQModel

/// Converts a large cmark tree on two threads: the top-level blocks from the middle on move
/// under a second document node, and each half is converted (and freed) by its own
/// `MarkdownConverter`. The parse itself is serial (cmark-gfm), but the conversion need
/// not be: it would leave the second core idle (bench/NOTES.md).
///
/// Safe because the halves share no C memory: each converter reads and frees only the
/// nodes under its own document node (freeing unlinks a node from its parent and
/// siblings, so they must not be shared), and the node allocator is malloc. The result is
/// the serial conversion's, item for item (`SplitConversionTests`).
enum SplitConversion {
    /// Below this many top-level blocks one thread converts: the hand-over costs more.
    static let defaultThreshold = 2048

    struct Result {
        var items: [FlowItem]
        var diagnostics: [Diagnostic]
        /// Raw HTML was met: the caller reads the document as HTML instead.
        var sawHTML: Bool
        var fragmentLinks: [AnchorCheck.Place]
    }

    static func flow(_ root: OpaquePointer, threshold: Int = defaultThreshold, makeConverter: () -> MarkdownConverter) -> Result {
        var count = 0
        var node = cmark_node_first_child(root)
        while let n = node, count < threshold {
            count += 1
            node = cmark_node_next(n)
        }
        guard count >= threshold, let middle = Self.middle(root) else { return serial(root, makeConverter()) }

        let second = cmark_node_new(CMARK_NODE_DOCUMENT)!
        defer { cmark_node_free(second) }  // what its converter did not free (raw HTML stops it)
        // cmark refuses a move only between trees of different allocators: then for every
        // node, so the first refusal leaves the tree whole and one thread converts it.
        var moving: OpaquePointer? = cmark_node_next(middle)
        guard cmark_node_append_child(second, middle) == 1 else { return serial(root, makeConverter()) }
        while let n = moving {
            moving = cmark_node_next(n)
            let moved = cmark_node_append_child(second, n)
            precondition(moved == 1, "cmark refused to move a block between trees of one parse")
        }

        let halves = [root, second].map { HalfJob(root: $0, converter: makeConverter()) }
        DispatchQueue.concurrentPerform(iterations: halves.count) { halves[$0].run() }

        let first = halves[0].converter, last = halves[1].converter
        // The nesting warning is given once per document: the second half's goes when the
        // first half gave one.
        let diagnostics = first.diagnostics + last.diagnostics.filter { first.depthWarning == nil || $0 != last.depthWarning }
        return Result(items: halves[0].items + halves[1].items, diagnostics: diagnostics, sawHTML: first.sawHTML || last.sawHTML,
                      fragmentLinks: first.fragmentLinks + last.fragmentLinks)
    }

    private static func serial(_ root: OpaquePointer, _ converter: MarkdownConverter) -> Result {
        var converter = converter
        let items = converter.flow(root)
        return Result(items: items, diagnostics: converter.diagnostics, sawHTML: converter.sawHTML, fragmentLinks: converter.fragmentLinks)
    }

    /// The top-level block at about half of the document's lines (the halves then hold
    /// about as much text each); nil for a document of one block.
    private static func middle(_ root: OpaquePointer) -> OpaquePointer? {
        guard let lastChild = cmark_node_last_child(root), let firstChild = cmark_node_first_child(root), lastChild != firstChild else { return nil }
        let half = (Int(cmark_node_get_start_line(firstChild)) + Int(cmark_node_get_end_line(lastChild))) / 2
        var node: OpaquePointer? = cmark_node_next(firstChild)
        while let n = node, n != lastChild {
            if Int(cmark_node_get_start_line(n)) >= half { return n }
            node = cmark_node_next(n)
        }
        return lastChild
    }

    /// One half's tree and converter. A class so the concurrent closure can hand each
    /// thread its own; the pointers are touched by that thread only.
    private final class HalfJob: @unchecked Sendable {
        let root: OpaquePointer
        var converter: MarkdownConverter
        var items: [FlowItem] = []

        init(root: OpaquePointer, converter: MarkdownConverter) {
            self.root = root
            self.converter = converter
        }

        func run() { items = converter.flow(root) }
    }
}
