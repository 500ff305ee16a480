<?php
/**
 * The editor script's dependencies (the WordPress packages it uses as globals).
 *
 * @package ArticleCompare
 */

return array(
	'dependencies' => array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n', 'wp-html-entities', 'wp-server-side-render' ),
	'version'      => '0.1.0',
);
