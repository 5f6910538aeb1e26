# SPDX-License-Identifier: GPL-3.0-or-later
# The window's C++ (controllers, models, rendering): compiled into baton_window, the QML module
# qml/CMakeLists.txt defines. On Qt 6.4 qt_add_qml_module must be called beside the QML files, so
# the library is declared there and its sources are listed here.
set(baton_window_dir ${CMAKE_CURRENT_LIST_DIR})
set(baton_window_sources
    awaysettings.cpp awaysettings.h
    chatcontroller.cpp chatcontroller.h
    handoffpresenter.cpp handoffpresenter.h
    gatewayhosts.cpp gatewayhosts.h
    codehighlighter.cpp codehighlighter.h
    configrepair.cpp configrepair.h
    desktopcontext.cpp desktopcontext.h
    segmentlistmodel.cpp segmentlistmodel.h
    messagelistmodel.cpp messagelistmodel.h
    modelsetup.cpp modelsetup.h
    replystatsview.cpp replystatsview.h
    registeredsingleton.h
    rendering.h
    safemarkdown.cpp safemarkdown.h safemarkdownhtml.cpp
    safetext.cpp safetext.h
    sessionactions.cpp sessionactions.h
    sessionlistmodel.cpp sessionlistmodel.h
    settingscontroller.cpp settingscontroller.h settingsconnectiontests.cpp settingspairing.cpp
    setupcontroller.cpp setupcontroller.h
    qrimage.cpp qrimage.h
    replyprogress.cpp replyprogress.h
    chatvariants.cpp
)
list(TRANSFORM baton_window_sources PREPEND ${baton_window_dir}/)
