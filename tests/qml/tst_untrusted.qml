// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Baton
import BatonTest

// Text the window did not write: a reply and a title that try to make it fetch images from a local
// server (probe), and raw HTML that would hide words. Nothing is fetched; every word shows.
TestCase {
    id: test
    name: "UntrustedText"
    when: windowShown
    width: 1100
    height: 720

    property var window: null

    function findAll(item, name, found) {
        if (!item)
            return found
        if (item.objectName === name)
            found.push(item)
        const children = item.children !== undefined ? item.children : []
        for (let i = 0; i < children.length; ++i)
            findAll(children[i], name, found)
        if (item.contentItem && item.contentItem !== item)
            findAll(item.contentItem, name, found)
        return found
    }

    function shownText() {
        return findAll(window.contentItem, "messageProse", []).map(edit => edit.getText(0, edit.length)).join("\n")
    }

    // A request the test makes itself, after the window has drawn: once the server saw it, a fetch
    // the window started while drawing would have arrived too.
    function controlRequest(name) {
        const request = new XMLHttpRequest()
        request.open("GET", Probe.url + "/" + name)
        request.send()
        tryVerify(() => Probe.paths.indexOf("/" + name) >= 0, 10000, "the control request arrives")
    }

    function initTestCase() {
        const component = Qt.createComponent("qrc:/qt/qml/Baton/Main.qml")
        verify(component.status === Component.Ready, component.errorString())
        window = component.createObject(null)
        verify(window !== null)
        window.requestActivate()
        tryVerify(() => window.active || window.visible)
    }

    function cleanupTestCase() {
        window.destroy()
    }

    function test_1_nothingIsFetchedAndEveryWordShows() {
        ChatController.openSession(Probe.sessionId)
        tryVerify(() => ChatController.messages.rowCount() === 2)
        tryVerify(() => shownText().indexOf("The end") >= 0, 5000, shownText())
        waitForRendering(window.contentItem)
        controlRequest("control-1")
        compare(Probe.paths, ["/control-1"], "the window fetched nothing")

        const text = shownText()
        for (const piece of ["Use a Vec<String> here.", "std::vector<int> holds ints", "and more", "<think>",
                             "hidden plan", "</think>", "The end, see the docs."])
            verify(text.indexOf(piece) >= 0, "\"" + piece + "\" is shown: " + text)
        verify(text.indexOf("<img src=\"" + Probe.url + "/inline.png\">") >= 0, "the tag shows as text")

        // The title is plain text in the header, the sidebar and the window title.
        compare(findAll(window.contentItem, "sessionTitle", [])[0].text, Probe.title)
        compare(window.title, "Baton — " + Probe.title)
    }

    function test_2_theSameTextAsRichTextWouldBeFetched() {
        // Proves the check above can fail: the same engine fetches at once when such text reaches a
        // rich-text item: the title as a Label shows it by default, the reply's <img> as HTML.
        const title = Qt.createQmlObject("import QtQuick; Text { width: 400; height: 100 }", window.contentItem)
        title.text = Probe.title
        const reply = Qt.createQmlObject(
            "import QtQuick; TextEdit { width: 400; height: 100; y: 100; textFormat: TextEdit.RichText }",
            window.contentItem)
        reply.text = "<img src=\"" + Probe.url + "/inline.png\">"
        tryVerify(() => Probe.paths.indexOf("/title.png") >= 0, 10000, "the title's image is fetched: " + Probe.paths)
        tryVerify(() => Probe.paths.indexOf("/inline.png") >= 0, 10000, "the reply's image is fetched: " + Probe.paths)
        title.destroy()
        reply.destroy()
    }

    function test_3_linksShowWhereTheyLeadAndOnlyWebAndMailOpen() {
        let dialog = null
        const declared = window.contentItem.data
        for (let i = 0; i < declared.length; ++i) {
            if (declared[i].objectName === "linkDialog")
                dialog = declared[i]
        }
        verify(dialog !== null)

        dialog.ask("file:///etc/passwd")
        tryVerify(() => dialog.opened)
        verify(!dialog.allowed)
        compare(findAll(dialog.contentItem, "linkDialogUrl", [])[0].text, "file:///etc/passwd")
        dialog.reject()
        tryVerify(() => !dialog.opened)
        verify(!SafeText.openLink("file:///etc/passwd"), "refused in C++ too")

        dialog.ask("https://example.org/docs")
        tryVerify(() => dialog.opened)
        verify(dialog.allowed)
        compare(findAll(dialog.contentItem, "linkDialogUrl", [])[0].text, "https://example.org/docs")
        compare(Probe.opened, [], "nothing opens before the address was confirmed")
        dialog.accept()
        compare(Probe.opened, ["https://example.org/docs"])
        verify(SafeText.canOpen("mailto:someone@example.org"))
    }
}
