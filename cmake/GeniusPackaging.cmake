# The Debian package: `cpack -G DEB` (or just `cpack`) in the build directory turns the install
# tree (`cmake --install`) into nrw-genius_<version>_<arch>.deb. What goes into that tree is
# decided by the install() rules of app/genius, app/cli and packaging/; tests, the gateway
# simulator and the static libraries have none. tests/packaging/linux/check-deb.sh checks the
# result (label "packaging"). The MSI is built separately (packaging/windows).
if(NOT (UNIX AND NOT APPLE))
    return()
endif()
if(NOT GENIUS_BUILD_UI)
    message(STATUS "Packaging: the .deb carries the desktop app; configure with GENIUS_BUILD_UI=ON to build it")
    return()
endif()

# qt_standard_project_setup() gives installed executables the run path $ORIGIN:$ORIGIN/../lib,
# meant for installs that bundle Qt. The package uses the system's Qt from the default library
# path, and Debian packages carry no run path (lintian: custom-library-search-path).
foreach(genius_packaged_executable IN ITEMS genius genius-cli)
    if(TARGET ${genius_packaged_executable})
        set_target_properties(${genius_packaged_executable} PROPERTIES INSTALL_RPATH "")
    endif()
endforeach()

set(CPACK_PACKAGE_NAME "nrw-genius")
set(CPACK_PACKAGE_VENDOR "IT.NRW")
set(CPACK_PACKAGE_CONTACT "IT.NRW <genius@it.nrw.de>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "AI assistant for the public administration (NRW.Genius Desktop)")
# The extended description of the control file: CPack indents it and turns the empty line
# into " .". Lines stay under 80 columns.
set(CPACK_PACKAGE_DESCRIPTION
    "NRW.Genius Desktop brings generative AI to the staff of a state
administration and its municipalities. All inference runs at a central,
OpenAI-compatible AIaaS gateway; the client checks the protection class
(Schutzbedarf) of every request before anything leaves the machine. API keys
are kept in the keychain, every gateway request is recorded in a hash-chained
audit log, and the application sends no telemetry.

The package contains the desktop application (genius) and the command-line
client (genius-cli). IT departments configure and lock them with the policy
file /etc/xdg/IT.NRW/Genius.conf; an example is in
/usr/share/doc/nrw-genius/examples.")

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES TRUE)

set(CPACK_DEBIAN_FILE_NAME "DEB-DEFAULT")
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "IT.NRW <genius@it.nrw.de>")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)

# Explicit run-time dependencies, so the list stands on its own even without dpkg-shlibdeps:
# the Qt libraries the executables link (they pull in Qt Core, Gui and D-Bus; libqt6gui6
# carries the xcb platform plugin) and what the linker cannot see: QtKeychain loads libsecret
# with dlopen (without it every keychain job fails with "Unknown error"), Qt loads its SQLite
# and PostgreSQL (shared collection store) driver plugins and its own German catalogue at run
# time, and OCR needs the German and English Tesseract models (pages are read with deu+eng).
set(GENIUS_DEB_DEPENDS
    libqt6widgets6
    libqt6network6
    libqt6keychain1
    libsecret-1-0
    libqt6sql6-sqlite
    libqt6sql6-psql
    qt6-translations-l10n
    tesseract-ocr-deu
    tesseract-ocr-eng)
list(JOIN GENIUS_DEB_DEPENDS ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
# The keychain that holds the API keys: GNOME Keyring (Secret Service) or KWallet on KDE;
# desktops normally bring one.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager")

# dpkg-shlibdeps adds the versioned libraries the executables link (libc6, libstdc++6, Qt ...).
# It needs dpkg-dev and file (scripts/debian-packages.txt); without them the explicit list
# above stands alone.
find_program(GENIUS_DPKG_SHLIBDEPS dpkg-shlibdeps)
find_program(GENIUS_FILE_PROGRAM file)
if(GENIUS_DPKG_SHLIBDEPS AND GENIUS_FILE_PROGRAM)
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
    message(STATUS "Packaging: dpkg-shlibdeps or file not found; the .deb gets the explicit Depends only")
endif()

include(CPack)
