<?php
/**
 * Plugin Name:       Article compare
 * Description:       Compare news articles sentence by sentence in a post: shared passages, what only one article says, changed figures, quotes and names. A shortcode any author can use and a block; everything runs in the reader's browser.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      8.0
 * License:           MIT OR Apache-2.0
 * License URI:       https://opensource.org/license/mit/
 * Text Domain:       article-compare
 *
 * @package ArticleCompare
 */

defined( 'ABSPATH' ) || exit;

const ARTICLE_COMPARE_VERSION = '0.1.0';

require_once __DIR__ . '/includes/render.php';

/**
 * The widget's markup, kept away from the content filters until they are
 * done. WordPress runs wptexturize (curly quotes), wpautop (paragraphs),
 * capital_P_dangit and convert_smilies over a post after its shortcodes
 * and blocks are found, and wpautop over a shortcode's raw text before the
 * shortcode runs: each would change the articles' text or break the
 * element. So the [article-compare] shortcodes are rendered from the raw
 * text first, a block's markup is set aside as it is rendered, an empty
 * block-level placeholder stands in for both, and the markup returns after
 * every other filter.
 */
final class Article_Compare_Shelter {
	/**
	 * Placeholder key to markup, for the content being filtered.
	 *
	 * @var string[]
	 */
	private static $markup = array();

	/**
	 * Stands `$html` aside while the_content runs; elsewhere (a REST
	 * preview, a text widget) returns it as it is.
	 *
	 * @param string $html The widget's markup.
	 * @return string
	 */
	public static function keep( $html ) {
		if ( ! doing_filter( 'the_content' ) ) {
			return $html;
		}
		$key                  = 'ac' . count( self::$markup ) . '-' . wp_hash( $html );
		self::$markup[ $key ] = $html;
		return '<div data-article-compare-slot="' . $key . '"></div>';
	}

	/**
	 * Renders the [article-compare] shortcodes of a post's raw text, before
	 * any other filter sees their articles.
	 *
	 * @param string $content The post's content.
	 * @return string
	 */
	public static function render_shortcodes_first( $content ) {
		if ( false === strpos( (string) $content, '[article-compare' ) ) {
			return $content;
		}
		return preg_replace_callback(
			'/' . get_shortcode_regex( array( 'article-compare' ) ) . '/s',
			static function ( $match ) {
				if ( '[' === $match[1] && ']' === $match[6] ) {
					return $match[0]; // [[article-compare]]: do_shortcode makes it the text "[article-compare]".
				}
				$attributes = shortcode_parse_atts( $match[3] );
				return article_compare_shortcode( is_array( $attributes ) ? $attributes : array(), $match[5] );
			},
			$content
		);
	}

	/**
	 * Puts the markup back in place of its placeholders.
	 *
	 * @param string $content The filtered content.
	 * @return string
	 */
	public static function restore( $content ) {
		if ( ! self::$markup ) {
			return $content;
		}
		// A placeholder alone in a paragraph (automatic paragraphs) takes the paragraph's place.
		return preg_replace_callback(
			'#<p>\s*<div data-article-compare-slot="([a-z0-9-]+)"></div>\s*</p>|<div data-article-compare-slot="([a-z0-9-]+)"></div>#',
			static function ( $match ) {
				$key  = '' !== $match[1] ? $match[1] : $match[2];
				$html = self::$markup[ $key ] ?? '';
				unset( self::$markup[ $key ] );
				return $html;
			},
			$content
		);
	}
}

/**
 * The [article-compare] shortcode: [article name="…"]text[/article]
 * entries, `src` text files and the widget's attributes.
 *
 * @param array|string $attributes The shortcode's attributes.
 * @param string|null  $content    Its content.
 * @return string
 */
function article_compare_shortcode( $attributes, $content = null ) {
	$problems = array();
	$settings = article_compare_settings( is_array( $attributes ) ? $attributes : array(), $problems );
	$articles = article_compare_shortcode_articles( (string) $content );
	if ( ! $articles && '' !== trim( wp_strip_all_tags( (string) $content ) ) ) {
		$problems[] = __( 'Put each article between [article name="…"] and [/article].', 'article-compare' );
	}
	wp_enqueue_script( 'article-compare' );
	return Article_Compare_Shelter::keep( article_compare_markup( $settings, $articles, $problems ) );
}

/**
 * The block's server-side rendering: the same markup as the shortcode.
 *
 * @param array $attributes The block's attributes.
 * @return string
 */
function article_compare_render_block( $attributes ) {
	$problems = array();
	$settings = article_compare_settings( $attributes, $problems );
	$articles = array();
	// Attributes come from post content anyone with the editor can write: take strings only.
	$string = static function ( $article, $key ) {
		return is_array( $article ) && isset( $article[ $key ] ) && is_string( $article[ $key ] ) ? $article[ $key ] : '';
	};
	foreach ( (array) ( $attributes['articles'] ?? array() ) as $article ) {
		$paragraphs = article_compare_paragraphs( $string( $article, 'text' ), false );
		if ( $paragraphs ) {
			$articles[] = array(
				'name'       => article_compare_decode( $string( $article, 'name' ) ),
				'paragraphs' => $paragraphs,
			);
		}
	}
	wp_enqueue_script( 'article-compare' );
	return Article_Compare_Shelter::keep( article_compare_markup( $settings, $articles, $problems ) );
}

/** Registers the script, the shortcode and the block. */
function article_compare_register() {
	// The widget: one ES module that loads the rest (and the wasm) from beside itself.
	wp_register_script( 'article-compare', plugins_url( 'assets/widget/article-compare.js', __FILE__ ), array(), ARTICLE_COMPARE_VERSION, true );
	add_shortcode( 'article-compare', 'article_compare_shortcode' );
	register_block_type( __DIR__ . '/block', array( 'render_callback' => 'article_compare_render_block' ) );
}
add_action( 'init', 'article_compare_register' );

/**
 * Loads the widget as a module (WordPress 6.1 has no API for that).
 *
 * @param string $tag    The script tag.
 * @param string $handle Its handle.
 * @return string
 */
function article_compare_module_tag( $tag, $handle ) {
	if ( 'article-compare' !== $handle ) {
		return $tag;
	}
	$tag = preg_replace( '/\stype=([\'"])[^\'"]*\1/', '', $tag );
	return str_replace( '<script ', '<script type="module" ', $tag );
}
add_filter( 'script_loader_tag', 'article_compare_module_tag', 10, 2 );

// Before do_blocks (9) and the text filters (10); back after convert_smilies (20).
add_filter( 'the_content', array( 'Article_Compare_Shelter', 'render_shortcodes_first' ), 8 );
add_filter( 'the_content', array( 'Article_Compare_Shelter', 'restore' ), 1000 );

/**
 * The editor's preview compares too: the widget is loaded there. This
 * hook also reaches an editor that runs in an iframe (WordPress 6.3 and
 * later); on the site, the widget comes only with a comparison.
 */
function article_compare_editor_assets() {
	if ( is_admin() ) {
		wp_enqueue_script( 'article-compare' );
	}
}
add_action( 'enqueue_block_assets', 'article_compare_editor_assets' );
