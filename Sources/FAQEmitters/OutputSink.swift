import Glibc

/// Where an emitter's bytes go: kept in memory (tests, standard output) or written to an
/// open file in chunks, so a large output never sits in memory whole. Emitters build bytes
/// in a local buffer and hand it over between units (entries, sections) with `drain`; a
/// partly written file is the caller's to discard (`FAQExport` writes into a temporary file
/// and renames it only on success).
public final class OutputSink {
    /// Below this, `drain` keeps collecting: fewer, larger writes.
    public static let chunkSize = 1 << 20

    private let fileDescriptor: Int32?
    private var collected: [UInt8] = []
    public private(set) var byteCount = 0

    /// In memory: `bytes` holds everything written.
    public init() { fileDescriptor = nil }

    /// Into an open file (not closed here).
    public init(fileDescriptor: Int32) { self.fileDescriptor = fileDescriptor }

    /// Everything written, for an in-memory sink (empty for a file sink).
    public var bytes: [UInt8] { collected }

    /// Takes `chunk` (left empty, its capacity kept) once it holds `chunkSize` bytes,
    /// or at once with `force`.
    public func drain(_ chunk: inout [UInt8], force: Bool = false) throws {
        guard force || chunk.count >= Self.chunkSize, !chunk.isEmpty else { return }
        try write(chunk)
        chunk.removeAll(keepingCapacity: true)
    }

    /// Writes bytes as they are.
    public func write(_ chunk: [UInt8]) throws {
        byteCount += chunk.count
        guard let fd = fileDescriptor else {
            collected.append(contentsOf: chunk)
            return
        }
        try chunk.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw OutputSinkError(reason: String(cString: strerror(errno)))
                }
                offset += n
            }
        }
    }
}

public struct OutputSinkError: Error, CustomStringConvertible {
    public let reason: String
    public var description: String { reason }
}
