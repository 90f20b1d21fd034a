<?xml version="1.0" encoding="UTF-8"?>
<!--
  The home page of the static site of an edition with several texts: its title and one
  entry per text (its HTML reading edition, its TEI and PDF for download). The input,
  made by edition/publish/site.py, is
    <texts xmlns="urn:x-edition:publish" title="…" lang="…">
      <text html="NAME.html" xml="NAME.xml" pdf="NAME.pdf">Title of the text</text> …
    </texts>
  An edition of one text has its reading edition as index.html and does not need this page.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pub="urn:x-edition:publish"
    xpath-default-namespace="urn:x-edition:publish"
    exclude-result-prefixes="#all">

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="yes"/>

  <xsl:template match="/texts">
    <html lang="{(@lang[.], 'en')[1]}">
      <head>
        <meta charset="UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="@title"/></title>
        <style>body { font-family: serif; max-width: 40em; margin: 2em auto; padding: 0 1em; line-height: 1.5 }
          li { margin: 0.5em 0 }</style>
      </head>
      <body>
        <main>
          <h1><xsl:value-of select="@title"/></h1>
          <ul>
            <xsl:for-each select="text">
              <li>
                <a href="{@html}"><xsl:value-of select="."/></a>
                <xsl:text> (</xsl:text>
                <a href="{@xml}" download="">TEI</a>
                <xsl:if test="@pdf[.]">
                  <xsl:text>, </xsl:text>
                  <a href="{@pdf}" download="">PDF</a>
                </xsl:if>
                <xsl:text>)</xsl:text>
              </li>
            </xsl:for-each>
          </ul>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
