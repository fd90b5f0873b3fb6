@testable import OnomaKit

/// A small glossary in the contract's layout, with a comment, a blank line and an unknown
/// (foreign-namespace) element, to check that edits keep what they do not touch.
let sampleGlossary = """
<?xml version="1.0" encoding="UTF-8"?>
<!-- Korea Herald staff and sources -->
<glossary xmlns="urn:onoma:glossary:1" xmlns:x="urn:example:x" name="korea-herald">
  <title>Korea Herald staff and sources</title>
  <entry id="koh-young-aah" kind="person">
    <name xml:lang="ko" family="고" given="영아">고영아</name>
    <name xml:lang="en" status="preferred" family="Koh" given="Young-aah">Koh Young-aah</name>
    <note>Reporter, The Korea Herald</note>
  </entry>

  <!-- organizations -->
  <entry id="kores" kind="organization">
    <name xml:lang="ko">한국광물자원공사</name>
    <name xml:lang="en" status="preferred">Korea Resources Corp.</name>
    <name xml:lang="en" type="abbreviation">KORES</name>
    <x:source>press kit 2011</x:source>
  </entry>
</glossary>

"""

func edit(_ text: String, _ body: (GlossaryEditor) throws -> Void) throws -> String {
    let editor = try GlossaryEditor(bytes: Array(text.utf8), path: "g.xml")
    try body(editor)
    return String(decoding: editor.serialized(), as: UTF8.self)
}
