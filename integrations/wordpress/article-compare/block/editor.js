/**
 * The "Article compare" block in the editor: a form for the articles
 * (name and text), the widget's settings in the sidebar, and a preview
 * that is the server's own rendering with the widget running in it.
 * Plain script on WordPress's globals: no build step.
 */
( function ( wp ) {
	const { registerBlockType } = wp.blocks;
	const { createElement: el, Fragment, useState } = wp.element;
	const { useBlockProps, InspectorControls, BlockControls } = wp.blockEditor;
	const { PanelBody, TextControl, TextareaControl, SelectControl, ToggleControl, Button, ToolbarGroup, ToolbarButton } =
		wp.components;
	const { __, sprintf } = wp.i18n;
	// For an author, WordPress stores & < > of block attributes as entities
	// (kses); the fields show the text, and the server decodes it too.
	const { decodeEntities } = wp.htmlEntities;
	const ServerSideRender = wp.serverSideRender;

	function Settings( { attributes, setAttributes } ) {
		const choice = ( label, key, options ) =>
			el( SelectControl, {
				label,
				value: attributes[ key ],
				options: [ { label: __( 'Default', 'article-compare' ), value: '' }, ...options ],
				onChange: ( value ) => setAttributes( { [ key ]: value } ),
			} );
		return el(
			InspectorControls,
			null,
			el(
				PanelBody,
				{ title: __( 'Comparison', 'article-compare' ) },
				choice( __( 'Strictness', 'article-compare' ), 'strictness', [
					{ label: __( 'Loose', 'article-compare' ), value: 'loose' },
					{ label: __( 'Normal', 'article-compare' ), value: 'normal' },
					{ label: __( 'Strict', 'article-compare' ), value: 'strict' },
				] ),
				choice( __( 'View', 'article-compare' ), 'view', [
					{ label: __( 'Side by side', 'article-compare' ), value: 'columns' },
					{ label: __( 'One article against another', 'article-compare' ), value: 'focus' },
				] ),
				el( TextControl, {
					label: __( 'Article in focus (its name)', 'article-compare' ),
					value: decodeEntities( attributes.focus ),
					onChange: ( focus ) => setAttributes( { focus } ),
				} ),
				el( ToggleControl, {
					label: __( 'Fold page chrome', 'article-compare' ),
					checked: attributes.hideBoilerplate,
					onChange: ( hideBoilerplate ) => setAttributes( { hideBoilerplate } ),
				} ),
				choice( __( 'Colours', 'article-compare' ), 'theme', [
					{ label: __( 'Follow the reader', 'article-compare' ), value: 'auto' },
					{ label: __( 'Light', 'article-compare' ), value: 'light' },
					{ label: __( 'Dark', 'article-compare' ), value: 'dark' },
				] ),
				el( TextControl, {
					label: __( 'Text files to add (addresses, separated by spaces)', 'article-compare' ),
					value: attributes.src,
					onChange: ( src ) => setAttributes( { src } ),
				} )
			)
		);
	}

	function Articles( { attributes, setAttributes } ) {
		const articles = attributes.articles;
		const change = ( index, key, value ) =>
			setAttributes( { articles: articles.map( ( a, i ) => ( i === index ? { ...a, [ key ]: value } : a ) ) } );
		return el(
			Fragment,
			null,
			articles.map( ( article, index ) =>
				el(
					'div',
					{ className: 'article-compare-block__article', key: index },
					el( TextControl, {
						/* translators: %d: the article's number. */
						label: sprintf( __( 'Name of article %d', 'article-compare' ), index + 1 ),
						value: decodeEntities( article.name ),
						onChange: ( value ) => change( index, 'name', value ),
					} ),
					el( TextareaControl, {
						label: __( 'Text (one paragraph per line)', 'article-compare' ),
						value: decodeEntities( article.text ),
						onChange: ( value ) => change( index, 'text', value ),
					} ),
					articles.length > 2 &&
						el(
							Button,
							{
								variant: 'link',
								isDestructive: true,
								onClick: () => setAttributes( { articles: articles.filter( ( _, i ) => i !== index ) } ),
							},
							__( 'Remove this article', 'article-compare' )
						)
				)
			),
			el(
				Button,
				{ variant: 'secondary', onClick: () => setAttributes( { articles: [ ...articles, { name: '', text: '' } ] } ) },
				__( 'Add an article', 'article-compare' )
			)
		);
	}

	registerBlockType( 'article-compare/compare', {
		edit( props ) {
			const [ previewing, setPreviewing ] = useState( false );
			return el(
				'div',
				useBlockProps(),
				el( Settings, props ),
				el(
					BlockControls,
					null,
					el(
						ToolbarGroup,
						null,
						el( ToolbarButton, { isPressed: ! previewing, onClick: () => setPreviewing( false ) }, __( 'Edit articles', 'article-compare' ) ),
						el( ToolbarButton, { isPressed: previewing, onClick: () => setPreviewing( true ) }, __( 'Show comparison', 'article-compare' ) )
					)
				),
				previewing
					? el( ServerSideRender, { block: 'article-compare/compare', attributes: props.attributes } )
					: el( Articles, props )
			);
		},
		// Rendered on the server, so the markup follows the plugin's version.
		save: () => null,
	} );
} )( window.wp );
