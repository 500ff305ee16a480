<?php
/**
 * From a shortcode's or a block's settings to the widget's markup: the
 * <article-compare> element with the articles as <article> children, so a
 * reader without JavaScript still reads them. Nothing here touches the
 * database or the request.
 *
 * @package ArticleCompare
 */

defined( 'ABSPATH' ) || exit;

/** The widget attributes with a fixed set of values, and those values. */
const ARTICLE_COMPARE_CHOICES = array(
	'view'  => array( 'columns', 'focus' ),
	'theme' => array( 'auto', 'light', 'dark' ),
	'align' => array( 'wide', 'full', 'none' ),
);

/**
 * Escapes text for an element or a quoted attribute, exactly: unlike
 * esc_html(), an entity the author typed as text stays text.
 *
 * @param string $text Plain text.
 * @return string
 */
function article_compare_escape( $text ) {
	return htmlspecialchars( $text, ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML5, 'UTF-8' );
}

/**
 * Text with its character references read: post content, and block
 * attributes as WordPress stores them for authors, carry & < > as entities.
 *
 * @param string $text Text as stored.
 * @return string
 */
function article_compare_decode( $text ) {
	return html_entity_decode( $text, ENT_QUOTES | ENT_HTML5, 'UTF-8' );
}

/**
 * The paragraphs of an article: one per line, as the widget and the
 * command line read plain text.
 *
 * @param string $content   The text between [article] and [/article], or a block's text.
 * @param bool   $is_markup Whether it is post content, which an editor may have given
 *                          <p>, <br> and entities; a block's text is plain text, but
 *                          for authors WordPress stores it with entities for & < >.
 * @return string[]
 */
function article_compare_paragraphs( $content, $is_markup ) {
	$text = (string) $content;
	if ( $is_markup ) {
		$text = preg_replace( '#<br\s*/?>#i', "\n", $text );
		$text = preg_replace( '#</(p|div|h[1-6]|li|blockquote|tr)>#i', "\n", $text );
		$text = wp_strip_all_tags( $text );
	}
	$text  = article_compare_decode( $text );
	$lines = preg_split( '/\R/u', $text );
	$lines = array_map(
		static function ( $line ) {
			return trim( preg_replace( '/[ \t\x{00A0}]+/u', ' ', $line ) );
		},
		false === $lines ? array() : $lines
	);
	return array_values( array_filter( $lines, 'strlen' ) );
}

/**
 * The addresses of an `src` list (separated by spaces or commas), each
 * checked; an address that is not http(s) or site-relative is reported.
 *
 * @param string   $list     The list as written.
 * @param string[] $problems Gets one message per address left out.
 * @return string[]
 */
function article_compare_addresses( $list, array &$problems ) {
	$addresses = array();
	foreach ( preg_split( '/[\s,]+/', trim( (string) $list ), -1, PREG_SPLIT_NO_EMPTY ) as $address ) {
		$clean = esc_url_raw( $address, array( 'http', 'https' ) );
		if ( '' === $clean || ( '/' !== $address[0] && ! preg_match( '#^https?://#i', $address ) ) ) {
			/* translators: %s: an address as the author wrote it. */
			$problems[] = sprintf( __( 'The address "%s" was left out: give an http(s) address or a path on this site.', 'article-compare' ), $address );
			continue;
		}
		$addresses[] = $clean;
	}
	return $addresses;
}

/**
 * Reads the widget's settings from shortcode or block attributes, keeping
 * what is valid and reporting the rest.
 *
 * @param array    $raw      Attribute name (shortcode: kebab-case; block: camelCase) to value;
 *                           a shortcode's bare `hide-boilerplate` comes as a numbered entry.
 * @param string[] $problems Gets one message per value left out.
 * @return array{strictness: ?string, view: ?string, focus: ?string, hide_boilerplate: bool, theme: ?string, align: string, src: string[]}
 */
function article_compare_settings( array $raw, array &$problems ) {
	$get = static function ( $names ) use ( $raw ) {
		foreach ( $names as $name ) {
			if ( isset( $raw[ $name ] ) && is_scalar( $raw[ $name ] ) && '' !== trim( (string) $raw[ $name ] ) ) {
				return article_compare_decode( trim( (string) $raw[ $name ] ) );
			}
		}
		return null;
	};
	$settings = array(
		'strictness'       => null,
		'view'             => null,
		'focus'            => $get( array( 'focus' ) ),
		'hide_boilerplate' => false,
		'theme'            => null,
		'align'            => 'wide',
		'src'              => article_compare_addresses( (string) $get( array( 'src' ) ), $problems ),
	);

	$strictness = $get( array( 'strictness' ) );
	if ( null !== $strictness ) {
		$named = in_array( strtolower( $strictness ), array( 'loose', 'normal', 'strict' ), true );
		if ( $named || ( is_numeric( $strictness ) && $strictness >= 0 && $strictness <= 1 ) ) {
			$settings['strictness'] = $named ? strtolower( $strictness ) : $strictness;
		} else {
			/* translators: %s: the value given. */
			$problems[] = sprintf( __( 'strictness "%s" was ignored: give a number from 0 to 1, or loose, normal or strict.', 'article-compare' ), $strictness );
		}
	}
	foreach ( ARTICLE_COMPARE_CHOICES as $name => $values ) {
		$value = $get( array( $name ) );
		if ( null === $value ) {
			continue;
		}
		if ( in_array( strtolower( $value ), $values, true ) ) {
			$settings[ $name ] = strtolower( $value );
		} else {
			/* translators: 1: a setting's name, 2: the value given, 3: the values it takes. */
			$problems[] = sprintf( __( '%1$s "%2$s" was ignored: give one of %3$s.', 'article-compare' ), $name, $value, implode( ', ', $values ) );
		}
	}

	$flag = $raw['hide-boilerplate'] ?? $raw['hideBoilerplate'] ?? null;
	foreach ( $raw as $key => $value ) {
		if ( is_int( $key ) && 'hide-boilerplate' === strtolower( (string) $value ) ) {
			$flag = true; // Written bare: [article-compare hide-boilerplate].
		}
	}
	$settings['hide_boilerplate'] = true === $flag || in_array( strtolower( (string) $flag ), array( '1', 'yes', 'true', 'on' ), true );
	return $settings;
}

/**
 * The widget's markup: one line (so that no paragraph filter finds a line
 * break to turn into <br>), the articles as <article> children.
 *
 * @param array    $settings From article_compare_settings().
 * @param array    $articles Each {name: string, paragraphs: string[]}.
 * @param string[] $problems Shown above the widget to those who can edit it.
 * @return string
 */
function article_compare_markup( array $settings, array $articles, array $problems ) {
	$attributes = '';
	foreach ( array( 'strictness', 'view', 'focus', 'theme' ) as $name ) {
		if ( null !== $settings[ $name ] ) {
			$attributes .= ' ' . $name . '="' . article_compare_escape( $settings[ $name ] ) . '"';
		}
	}
	if ( $settings['hide_boilerplate'] ) {
		$attributes .= ' hide-boilerplate';
	}

	$children = '';
	$number   = 0;
	foreach ( $articles as $article ) {
		++$number;
		/* translators: %d: the article's number on the page. */
		$name      = '' !== trim( $article['name'] ) ? trim( $article['name'] ) : sprintf( __( 'Article %d', 'article-compare' ), $number );
		$children .= '<article data-name="' . article_compare_escape( $name ) . '">';
		foreach ( $article['paragraphs'] as $paragraph ) {
			$children .= '<p>' . article_compare_escape( $paragraph ) . '</p>';
		}
		$children .= '</article>';
	}
	// Text files, named after their files, with a link for readers without JavaScript.
	foreach ( $settings['src'] as $address ) {
		$path      = (string) wp_parse_url( $address, PHP_URL_PATH );
		$name      = '' !== basename( $path ) ? rawurldecode( basename( $path ) ) : $address;
		$children .= '<article data-name="' . article_compare_escape( $name ) . '" data-src="' . esc_url( $address ) . '">'
			. '<a href="' . esc_url( $address ) . '">' . article_compare_escape( $name ) . '</a></article>';
	}

	$count = count( $articles ) + count( $settings['src'] );
	if ( $count < 2 ) {
		/* translators: %d: how many articles were given. */
		$problems[] = sprintf( _n( 'Only %d article was given: the widget compares two or more.', 'Only %d articles were given: the widget compares two or more.', $count, 'article-compare' ), $count );
	}

	$classes = 'article-compare-embed';
	if ( 'none' !== $settings['align'] ) {
		$classes .= ' align' . $settings['align'];
	}
	$notice = '';
	if ( $problems && current_user_can( 'edit_posts' ) ) {
		$notice = '<p class="article-compare-notice" role="note">' . article_compare_escape( implode( ' ', $problems ) ) . '</p>';
	}
	return '<div class="' . $classes . '">' . $notice . '<article-compare' . $attributes . '>' . $children . '</article-compare></div>';
}

/**
 * The [article] entries inside an [article-compare] shortcode.
 *
 * @param string $content The shortcode's content.
 * @return array Each {name: string, paragraphs: string[]}.
 */
function article_compare_shortcode_articles( $content ) {
	$articles = array();
	if ( preg_match_all( '/' . get_shortcode_regex( array( 'article' ) ) . '/s', (string) $content, $matches, PREG_SET_ORDER ) ) {
		foreach ( $matches as $match ) {
			if ( '[' === $match[1] && ']' === $match[6] ) {
				continue; // [[article]] is how an author writes the text "[article]".
			}
			$attributes = shortcode_parse_atts( $match[3] );
			$articles[] = array(
				'name'       => is_array( $attributes ) && isset( $attributes['name'] )
					? article_compare_decode( (string) $attributes['name'] ) : '',
				'paragraphs' => article_compare_paragraphs( $match[5], true ),
			);
		}
	}
	return $articles;
}
