/// Bytes in memory read in chunks, the way a file is: what the in-memory sources of the XML
/// parser (`XML.DataSource`) and of the line pipelines (`MemoryLineInput`) share.
struct MemoryReader {
    let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Copies up to `buffer.count` of the bytes not read yet into `buffer`; 0 at the end.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let n = min(buffer.count, bytes.count - offset)
        if n > 0 {
            bytes.withUnsafeBytes { src in
                buffer.baseAddress!.copyMemory(from: src.baseAddress! + offset, byteCount: n)
            }
            offset += n
        }
        return n
    }
}
