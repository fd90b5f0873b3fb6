extension XML {
    /// Exact line and column (in Unicode scalars) of the tags a SAX parse reports.
    ///
    /// libxml2 gives element nodes no column and caps their line at 65535; SAX callbacks only
    /// know where the parser is (just after a tag). The tracker keeps the bytes handed to the
    /// parser since the last tag and, at each tag event, scans forward to the parser's offset
    /// remembering where the last `<` was: that is where the tag starts (a `<` cannot occur
    /// inside a tag). Each byte is scanned once, so the whole document costs O(n), and only the
    /// bytes between two tags are kept.
    struct PositionTracker {
        /// Chunks handed to the parser and not yet scanned, with the absolute offset of the first.
        private var chunks: [[UInt8]] = []
        private var firstChunkStart = 0
        /// Absolute offset, line and column reached by the scan.
        private var offset = 0
        private var line = 1
        private var column = 1
        /// Absolute offset of the end of what was handed to the parser.
        private(set) var received = 0
        /// The start of the last tag found.
        private(set) var lastTagLine = 1
        private(set) var lastTagColumn = 1

        /// Skips a byte-order mark: it is not a character of line 1.
        mutating func skipPrefix(_ count: Int) {
            offset = count
        }

        /// Records bytes about to be handed to the parser.
        mutating func append(_ bytes: UnsafeRawBufferPointer) {
            guard bytes.count > 0 else { return }
            if chunks.isEmpty { firstChunkStart = received }
            chunks.append(Array(bytes))
            received += bytes.count
        }

        /// Bytes handed to the parser and not scanned yet.
        var unscanned: Int { received - offset }

        /// Whether one of the eight bytes of `word` is `byte` (the classic zero-byte test on
        /// `word ^ byte×8`: exact as a yes/no answer).
        @inline(__always)
        static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
            let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
            return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
        }

        /// Scans up to absolute offset `end` (where the parser is, just after a tag) and returns
        /// the line and column of the last `<` before it.
        mutating func tagStart(before end: Int) -> (line: Int, column: Int) {
            let target = min(end, received)
            while offset < target, !chunks.isEmpty {
                let stop = min(chunks[0].count, target - firstChunkStart)
                let start = offset - firstChunkStart
                if start < stop {
                    var l = line, c = column, tl = lastTagLine, tc = lastTagColumn
                    chunks[0].withUnsafeBufferPointer { bytes in
                        // One pass, few branches: newline, '<', and a count of non-continuation
                        // bytes (= Unicode scalars). Eight bytes at a time while they hold no
                        // newline and no '<' (most of a document), byte by byte otherwise.
                        let base = UnsafeRawPointer(bytes.baseAddress!)
                        var i = start
                        while i < stop {
                            if stop - i >= 8 {
                                let w = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                                if !Self.hasByte(w, 0x0A) && !Self.hasByte(w, 0x3C) {
                                    // Continuation bytes are 10xxxxxx: bit 7 set, bit 6 clear.
                                    let continuation = w & ~(w << 1) & 0x8080_8080_8080_8080
                                    c &+= 8 &- continuation.nonzeroBitCount
                                    i &+= 8
                                    continue
                                }
                            }
                            let end = Swift.min(i &+ 8, stop)
                            while i < end {
                                let b = bytes[i]
                                i &+= 1
                                if b == 0x0A {
                                    l &+= 1
                                    c = 1
                                    continue
                                }
                                if b == 0x3C {
                                    tl = l
                                    tc = c
                                }
                                c &+= b & 0xC0 != 0x80 ? 1 : 0
                            }
                        }
                    }
                    line = l
                    column = c
                    lastTagLine = tl
                    lastTagColumn = tc
                    offset = firstChunkStart + stop
                }
                if stop >= chunks[0].count {
                    firstChunkStart += chunks[0].count
                    chunks.removeFirst()
                } else {
                    break
                }
            }
            return (lastTagLine, lastTagColumn)
        }
    }
}
