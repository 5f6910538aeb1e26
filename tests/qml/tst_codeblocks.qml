// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Baton
import BatonTest

// Code blocks in the window: a reply streams two blocks; the first keeps its delegate and its
// colours while the second grows, and (where the build has KSyntaxHighlighting) a keyword and an
// identifier get different formats.
TestCase {
    id: test
    name: "CodeBlocks"
    when: windowShown
    width: 1100
    height: 720

    property var window: null
    readonly property string cpp: "int main() { return answer; }"

    function findAll(item, name, found) {
        if (!item)
            return found
        if (item.objectName === name && found.indexOf(item) < 0) // a Flickable's content is also its child
            found.push(item)
        const children = item.children !== undefined ? item.children : []
        for (let i = 0; i < children.length; ++i)
            findAll(children[i], name, found)
        if (item.contentItem && item.contentItem !== item)
            findAll(item.contentItem, name, found)
        return found
    }

    // The reply's code blocks, in the order they appear.
    function replyBlocks() {
        const blocks = findAll(window.contentItem, "codeBlock", []).filter(block => {
            for (let p = block; p; p = p.parent) {
                if (p.role !== undefined && p.streaming !== undefined)
                    return p.role === "assistant"
            }
            return false
        })
        return blocks.sort((a, b) => a.mapToItem(null, 0, 0).y - b.mapToItem(null, 0, 0).y)
    }

    // Each function on a window of its own and a new conversation: none needs another to run first.
    function init() {
        ChatController.newChat()
        const component = Qt.createComponent("qrc:/qt/qml/Baton/Main.qml")
        verify(component.status === Component.Ready, component.errorString())
        window = component.createObject(null)
        verify(window !== null)
        window.requestActivate()
        tryVerify(() => window.active || window.visible)
    }

    function cleanup() {
        tryVerify(() => !ChatController.busy, 10000)
        window.destroy()
        window = null
    }

    // The fake model echoes the question word by word.
    function askForTwoBlocks() {
        ChatController.send("Two blocks:\n```cpp\n" + cpp + "\n```\nand\n```python\nimport os\nx = 1\ny = 2\nz = 3\nprint(x, y, z)\n```")
    }

    function test_streamingRecoloursOnlyTheBlockThatChanged() {
        askForTwoBlocks()
        tryVerify(() => replyBlocks().length === 2, 10000, "the reply's second block has begun")
        // The order is read from positions, which a window shown a moment ago may still be laying out.
        tryVerify(() => replyBlocks()[0].text === cpp, 5000, "the C++ block above the Python one")
        const first = replyBlocks()[0]
        const firstLines = first.highlighter.highlightedLines
        const second = replyBlocks()[1]
        const secondLines = second.highlighter.highlightedLines
        tryVerify(() => !ChatController.busy, 10000, "the reply is complete")
        compare(replyBlocks().length, 2)
        verify(replyBlocks()[0] === first, "the finished block kept its delegate while the next one streamed")
        verify(replyBlocks()[1] === second, "the growing block kept its delegate")
        compare(replyBlocks()[1].text, "import os\nx = 1\ny = 2\nz = 3\nprint(x, y, z)")
        if (first.highlighter.available) {
            verify(firstLines > 0, "the first block was coloured")
            compare(first.highlighter.highlightedLines, firstLines, "and never again while the second grew")
            verify(second.highlighter.highlightedLines > secondLines, "the growing block was re-coloured")
            compare(first.highlighter.definition, "C++")
            compare(second.highlighter.definition, "Python")
        } else {
            compare(first.highlighter.highlightedLines, 0)
        }
    }

    function test_aKeywordAndAnIdentifierLookDifferent() {
        askForTwoBlocks()
        tryVerify(() => !ChatController.busy && replyBlocks().length === 2, 10000, "the reply is complete")
        const block = replyBlocks()[0]
        if (!block.highlighter.available)
            skip("this build has no KF6SyntaxHighlighting: code blocks are plain monospace")
        const document = block.textItem.textDocument
        const keyword = Probe.formatAt(document, cpp.indexOf("return"))
        const type = Probe.formatAt(document, cpp.indexOf("int"))
        const identifier = Probe.formatAt(document, cpp.indexOf("answer"))
        console.log("return:", JSON.stringify(keyword), "int:", JSON.stringify(type), "answer:", JSON.stringify(identifier))
        verify(keyword.color !== undefined, "the keyword has a format")
        verify(JSON.stringify(keyword) !== JSON.stringify(identifier), "keyword and identifier differ")
        verify(JSON.stringify(type) !== JSON.stringify(identifier), "type and identifier differ")
        if (Probe.screenshotDir !== "") {
            const image = grabImage(window.contentItem)
            image.save(Probe.screenshotDir + "/code-highlighting-" + (window.dark ? "dark" : "light") + ".png")
        }
    }
}
