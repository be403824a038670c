/// The bounds every converter run gets, besides its time limit (`--converter-timeout`).
enum ConverterLimits {
    /// docutils' XML and Asciidoctor's DocBook are a few times the size of their input;
    /// far more means something is expanding without end.
    static func maxOutput(forInput bytes: Int) -> Int {
        min(Int(Int32.max), max(64 << 20, bytes.multipliedReportingOverflow(by: 40).partialValue))
    }

    /// docutils reads about 100 KB a second on a busy machine: a large document gets longer.
    static func timeout(_ given: Double?, forInput bytes: Int) -> Double {
        given ?? 60 + 30 * Double(bytes) / 1_000_000
    }

    /// The converter's last line of complaint, for an error message: one line, short,
    /// shown only on the terminal, never in an output.
    static func lastLine(_ stderr: [UInt8]) -> String {
        let text = String(decoding: stderr.suffix(4096), as: UTF8.self)
        guard let line = text.split(whereSeparator: \.isNewline).last.map({ String($0).trimmingWhitespace() }), !line.isEmpty else { return "" }
        return ": " + (line.count > 200 ? String(line.prefix(200)) + "…" : line)
    }
}
